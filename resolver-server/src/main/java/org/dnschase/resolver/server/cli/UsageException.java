package org.dnschase.resolver.server.cli;

/** A mistake on the command line; the message says which. Exit code 2. */
final class UsageException extends Exception {
  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message);
  }
}
