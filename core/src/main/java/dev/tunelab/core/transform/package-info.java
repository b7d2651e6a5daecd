/** Batch transform: predictions for a features-only CSV with a trained model, optionally scored. */
package dev.tunelab.core.transform;
