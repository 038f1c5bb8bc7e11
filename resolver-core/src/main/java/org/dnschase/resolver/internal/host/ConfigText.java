package org.dnschase.resolver.internal.host;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.dnschase.resolver.internal.ConfigFiles;
import org.dnschase.resolver.spi.LogText;
import org.xbill.DNS.Address;
import org.xbill.DNS.Name;
import org.xbill.DNS.TextParseException;

/**
 * Reading the small system files the host look-ups use (hosts, resolv.conf), with errors that
 * name the file and the line: a broken file must say where it is broken.
 */
public final class ConfigText {

  private ConfigText() {}

  /**
   * The file's text, byte for byte (ISO 8859-1): the files are ASCII, and no stray byte should make
   * one unreadable rather than malformed at a line.
   *
   * @throws UncheckedIOException if it cannot be read, naming the file and why
   */
  public static String read(Path file) {
    try {
      ConfigFiles.requireRegular(file);
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + LogText.escaped(file.toString()) + ": "
          + LogText.escaped(ConfigFiles.reason(e)), e);
    }
  }

  /** The words of a line before any comment ({@code #}, and for resolv.conf {@code ;}). */
  static String[] words(String line, String commentStarts) {
    int end = line.length();
    for (int i = 0; i < line.length(); i++) {
      if (commentStarts.indexOf(line.charAt(i)) >= 0) {
        end = i;
        break;
      }
    }
    String content = line.substring(0, end).strip();
    return content.isEmpty() ? new String[0] : content.split("[ \t]+");
  }

  /** An error about one line of a file: "file:line: reason", the words the reason quotes escaped. */
  static IllegalArgumentException lineError(String source, int line, String reason) {
    return new IllegalArgumentException(LogText.escaped(source) + ":" + line + ": " + LogText.escaped(reason));
  }

  /**
   * An IPv4 or IPv6 address literal, without a name look-up (an IPv6 scope, {@code %eth0}, is
   * dropped: the files name hosts, not interfaces); null if the text is not one.
   */
  static InetAddress address(String text) {
    String literal = text.indexOf('%') >= 0 ? text.substring(0, text.indexOf('%')) : text;
    int family = literal.indexOf(':') >= 0 ? Address.IPv6 : Address.IPv4;
    byte[] bytes = Address.toByteArray(literal, family);
    if (bytes == null) {
      return null;
    }
    try {
      return InetAddress.getByAddress(bytes);
    } catch (UnknownHostException impossible) {
      throw new IllegalStateException("4 or 16 octets are an address", impossible);
    }
  }

  /**
   * A host or domain name as text, made absolute; null if it is not a valid name. The text is the
   * file's octets ({@link #read}), so dnsjava's octet per character keeps a name as the file spells
   * it, UTF-8 and all, as the C library's hosts look-up matches it.
   */
  static Name name(String text) {
    if (text.isEmpty() || text.equals(".") || text.startsWith(".") || text.contains("..")) {
      return null;
    }
    try {
      return Name.fromString(text, Name.root);
    } catch (TextParseException e) {
      return null;
    }
  }

}
