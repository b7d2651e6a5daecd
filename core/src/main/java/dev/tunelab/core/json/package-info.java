/**
 * JSON in one place: the single configured Jackson mapper ({@link dev.tunelab.core.json.Json})
 * that specs, the store, responses and the container contract share. Imports nothing of TuneLab.
 */
package dev.tunelab.core.json;
