/** Tests that run the Java API examples of {@code examples/java} (compiled with these tests). */
package dev.tunelab.examples;
