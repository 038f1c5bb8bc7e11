package org.dnschase.resolver.examples;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict little JSON parser for the CLI tests (objects become maps, arrays lists, numbers
 * longs): the tests read {@code --json} output the way a script would, so malformed output fails
 * them instead of slipping past a regex.
 */
final class Json {

  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /** Parses exactly one JSON value filling the whole text. */
  static Object parse(String text) {
    Json json = new Json(text);
    Object value = json.value();
    json.skipSpace();
    if (json.pos != text.length()) {
      throw json.error("trailing text");
    }
    return value;
  }

  /** Parses one JSON object. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(String text) {
    if (!(parse(text) instanceof Map<?, ?> map)) {
      throw new IllegalArgumentException("not a JSON object: " + text);
    }
    return (Map<String, Object>) map;
  }

  private Object value() {
    skipSpace();
    if (pos >= text.length()) {
      throw error("value expected");
    }
    return switch (text.charAt(pos)) {
      case '{' -> object();
      case '[' -> array();
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object() {
    Map<String, Object> map = new LinkedHashMap<>();
    expect('{');
    if (peek() == '}') {
      pos++;
      return map;
    }
    do {
      skipSpace();
      String key = string();
      expect(':');
      if (map.containsKey(key)) {
        throw error("duplicate key " + key);
      }
      map.put(key, value());
    } while (comma());
    expect('}');
    return map;
  }

  private List<Object> array() {
    List<Object> list = new ArrayList<>();
    expect('[');
    if (peek() == ']') {
      pos++;
      return list;
    }
    do {
      list.add(value());
    } while (comma());
    expect(']');
    return list;
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("unterminated string");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw error("raw control character in string");
      }
      out.append(c == '\\' ? escape() : c);
    }
  }

  private char escape() {
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        char decoded = (char) Integer.parseInt(text.substring(pos, pos + 4), 16);
        pos += 4;
        yield decoded;
      }
      default -> throw error("bad escape \\" + c);
    };
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("bad literal");
    }
    pos += word.length();
    return value;
  }

  private Long number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    while (pos < text.length() && Character.isDigit(text.charAt(pos))) {
      pos++;
    }
    if (pos == start) {
      throw error("unexpected character");
    }
    // the CLI writes only whole numbers; a fraction or exponent is a schema break here
    return Long.parseLong(text.substring(start, pos));
  }

  private boolean comma() {
    if (peek() == ',') {
      pos++;
      return true;
    }
    return false;
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "' expected");
    }
    pos++;
  }

  private char peek() {
    skipSpace();
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void skipSpace() {
    while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at " + pos + " in: " + text);
  }
}
