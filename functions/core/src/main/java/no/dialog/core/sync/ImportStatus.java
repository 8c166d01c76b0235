package no.dialog.core.sync;

/** Where an import stands. */
public enum ImportStatus {
    /** Rows are being read; a checkpoint says how far. */
    RUNNING,
    /** Every line was read; the report is written. */
    COMPLETED,
    /** The file as a whole was refused (e.g. unknown tenant); the report says why. */
    REJECTED
}
