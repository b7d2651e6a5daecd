/** The {@code tunelab} command line: one picocli command class per subcommand. */
package dev.tunelab.cli;
