/**
 * What the organisation's models say about people (ADR 0037): the model kinds, one person's
 * {@link no.dialog.core.predicted.Prediction}, a tenant's {@link no.dialog.core.predicted.PredictionTable}
 * and the {@link no.dialog.core.predicted.PredictionTables} port. It uses only contact and tenant, so segments
 * (which read predictions) sit above it and training and scoring ({@code no.dialog.core.predict}, which read
 * payments, enrolments and snapshots) above segments, without a package cycle.
 */
package no.dialog.core.predicted;
