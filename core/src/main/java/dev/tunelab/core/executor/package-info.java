/**
 * Where training jobs run: on this JVM's training threads (the default) or on an engine found at
 * run time, such as the {@code spark} module's Spark executor. The scheduler, the optimizer and
 * the store always stay here; an executor only decides where each job's {@code Trainer} runs.
 */
package dev.tunelab.core.executor;
