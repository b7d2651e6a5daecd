/**
 * Where training data comes from: channel URIs (paths, {@code file:}, {@code dataset:boston/...},
 * {@code s3://} under the home folder) resolved to files and parsed datasets.
 */
package dev.tunelab.core.data;
