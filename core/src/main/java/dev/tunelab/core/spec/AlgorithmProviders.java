package dev.tunelab.core.spec;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/** The installed {@link AlgorithmProvider}s, loaded once, and the choice of a spec's contract. */
final class AlgorithmProviders {

  private static final List<AlgorithmProvider> INSTALLED = ServiceLoader.load(AlgorithmProvider.class,
      AlgorithmProvider.class.getClassLoader()).stream().map(ServiceLoader.Provider::get).toList();

  private AlgorithmProviders() { }

  /** The contract of the one provider that accepts the spec, else empty. */
  static Optional<AlgorithmContract> find(AlgorithmSpec spec) {
    return INSTALLED.stream().map(p -> p.contractFor(spec)).flatMap(Optional::stream).findFirst();
  }

  /** What the providers accept, joined with ", or ", for the error when none accepts a spec. */
  static String accepted() {
    return INSTALLED.stream().map(AlgorithmProvider::accepts).collect(Collectors.joining(", or "));
  }
}
