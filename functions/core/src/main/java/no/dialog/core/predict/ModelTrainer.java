package no.dialog.core.predict;

/**
 * Trains one model on one organisation's rows: the port behind which the machine-learning library sits (Tribuo,
 * in the predictions function only). Whatever trains, what comes out is a {@link LinearModel}.
 */
public interface ModelTrainer {

    /** @param seed makes the training repeatable (sampling, shuffling, the held-out calibration slice) */
    LinearModel train(TrainingSet set, long seed);
}
