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
 * element, serialised by Jackson. Absent values are left out.
 */
public final class JUnitXml {
  private JUnitXml() {}

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
      List<TestSuite> testsuite) {}

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
      List<TestCase> testcase) {}

  /** {@code <property name value>}. */
  @JsonPropertyOrder({"name", "value"})
  public record Property(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) String value) {}

  /** {@code <testcase>}: one best practice. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"name", "classname", "failure", "error", "skipped", "systemOut"})
  public record TestCase(
      @JacksonXmlProperty(isAttribute = true) String name,
      @JacksonXmlProperty(isAttribute = true) String classname,
      Problem failure,
      Problem error,
      Skipped skipped,
      @JacksonXmlProperty(localName = "system-out") String systemOut) {}

  /** {@code <failure>} or {@code <error>}: a message, a type and details as text. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  @JsonPropertyOrder({"message", "type", "text"})
  public record Problem(
      @JacksonXmlProperty(isAttribute = true) String message,
      @JacksonXmlProperty(isAttribute = true) String type,
      @JacksonXmlText String text) {}

  /** {@code <skipped message>}. */
  public record Skipped(@JacksonXmlProperty(isAttribute = true) String message) {}
}
