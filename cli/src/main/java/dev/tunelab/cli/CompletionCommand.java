package dev.tunelab.cli;

import picocli.AutoComplete;
import picocli.CommandLine.Command;

/**
 * {@code tunelab completion}: prints picocli's bash completion script for every tunelab command
 * and option; under zsh the script itself loads {@code compinit} and {@code bashcompinit}. The
 * script is generated from the command model at run time, so it always matches this build.
 */
@Command(name = "completion", mixinStandardHelpOptions = true, helpCommand = true,
    description = {
        "Print the shell completion script for tunelab (bash; zsh through bashcompinit).",
        "Write it once (and again after an upgrade), then load it from your shell's profile:",
        "  tunelab completion > ~/.tunelab-completion.bash",
        "  echo 'source ~/.tunelab-completion.bash' >> ~/.bashrc    # zsh: >> ~/.zshrc",
        "Under zsh the script loads compinit and bashcompinit itself."})
public final class CompletionCommand extends AutoComplete.GenerateCompletion {
}
