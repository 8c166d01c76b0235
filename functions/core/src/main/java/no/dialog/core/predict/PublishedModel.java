package no.dialog.core.predict;

/**
 * A model in use: its numbers and the decile cut points taken from the organisation's scored population when it
 * was published.
 */
public record PublishedModel(ModelKind kind, LinearModel model, Deciles deciles) {}
