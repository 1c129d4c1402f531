package dev.kubepci.report.junit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlText;
import java.util.List;

/**
 * The JUnit XML report as CI servers read it (the Ant/Surefire {@code testsuites} format): one record per
 * element, serialised by Jackson. Absent values are left out. Every text passes through {@link #xmlSafe}, so that a
 * name holding a character XML 1.0 forbids (ESC, NUL, U+FFFE ...) never breaks the file for CI parsers.
 */
public final class JUnitXml {
  private JUnitXml() {}

  /**
   * {@code s} with every character that XML 1.0 does not allow (controls other than tab, line feed and carriage
   * return, lone surrogates, U+FFFE and U+FFFF) written visibly as a backslash, u and four hex digits (ESC
   * is shown as backslash-u001B); null stays null.
   */
  public static String xmlSafe(String s) {
    if (s == null) {
      return null;
    }
    StringBuilder sb = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean pair = Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1));
      if (pair) {
        if (sb != null) {
          sb.append(c).append(s.charAt(i + 1));
        }
        i++;
        continue;
      }
      boolean allowed = c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c);
      if (!allowed && sb == null) {
        sb = new StringBuilder(s.length() + 8).append(s, 0, i);
      }
      if (sb != null) {
        if (allowed) {
          sb.append(c);
        } else {
          sb.append(String.format("\\u%04X", (int) c));
        }
      }
    }
    return sb == null ? s : sb.toString();
  }

  /** {@code <testsuites>}: the whole assessment. */
  @JacksonXmlRootElement(localName = "testsuites")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "tests", "failures", "errors", "skipped", "timestamp", "testsuite"})
  public record TestSuites(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) int tests,
      @JacksonXmlProperty(isAttribute = true) int failures,
      @JacksonXmlProperty(isAttribute = true) int errors,
      @JacksonXmlProperty(isAttribute = true) int skipped,
      @JacksonXmlProperty(isAttribute = true) String timestamp,
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "testsuite")
      List<TestSuite> testsuite) {
    public TestSuites {
      name = xmlSafe(name);
    }
  }

  /** {@code <testsuite>}: one area of the guidance. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "id", "tests", "failures", "errors", "skipped", "timestamp", "properties",
      "testcase"})
  public record TestSuite(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) String id,
      @JacksonXmlProperty(isAttribute = true) int tests,
      @JacksonXmlProperty(isAttribute = true) int failures,
      @JacksonXmlProperty(isAttribute = true) int errors,
      @JacksonXmlProperty(isAttribute = true) int skipped,
      @JacksonXmlProperty(isAttribute = true) String timestamp,
      @JacksonXmlElementWrapper(localName = "properties") @JacksonXmlProperty(localName = "property")
      List<Property> properties,
      @JacksonXmlElementWrapper(useWrapping = false) @JacksonXmlProperty(localName = "testcase")
      List<TestCase> testcase) {
    public TestSuite {
      name = xmlSafe(name);
      id = xmlSafe(id);
    }
  }

  /** {@code <property name value>}. */
  @JsonPropertyOrder({"name", "value"})
  public record Property(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) String value) {
    public Property {
      name = xmlSafe(name);
      value = xmlSafe(value);
    }
  }

  /** {@code <testcase>}: one best practice. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "classname", "failure", "error", "skipped", "systemOut"})
  public record TestCase(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) String classname,
      Problem failure,
      Problem error,
      Skipped skipped,
      @JacksonXmlProperty(localName = "system-out") String systemOut) {
    public TestCase {
      name = xmlSafe(name);
      classname = xmlSafe(classname);
      systemOut = xmlSafe(systemOut);
    }
  }

  /** {@code <failure>} or {@code <error>}: a message, a type and details as text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"message", "type", "text"})
  public record Problem(
      @JacksonXmlProperty(isAttribute = true) String message,
      @JacksonXmlProperty(isAttribute = true) String type,
      @JacksonXmlText String text) {
    public Problem {
      message = xmlSafe(message);
      type = xmlSafe(type);
      text = xmlSafe(text);
    }
  }

  /** {@code <skipped message>}. */
  public record Skipped(@JacksonXmlProperty(isAttribute = true) String message) {
    public Skipped {
      message = xmlSafe(message);
    }
  }
}
