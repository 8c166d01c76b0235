package no.dialog.core.predict;

import no.dialog.core.predicted.ModelKind;
/**
 * A model in use: its numbers and the decile cut points taken from the organisation's scored population when it
 * was published.
 */
public record PublishedModel(ModelKind kind, LinearModel model, Deciles deciles) {}
