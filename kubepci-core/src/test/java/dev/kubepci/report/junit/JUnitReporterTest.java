package dev.kubepci.report.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kubepci.report.ReportFixture;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

class JUnitReporterTest {
  private static String xml() throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new JUnitReporter().write(ReportFixture.sample(), out);
    return out.toString(StandardCharsets.UTF_8);
  }

  private static void validate(String xml) throws IOException, SAXException {
    Schema schema = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
        .newSchema(JUnitReporterTest.class.getResource("/schemas/junit.xsd"));
    schema.newValidator().validate(new StreamSource(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))));
  }

  @Test
  void validatesAgainstTheJUnitSchema() throws Exception {
    validate(xml());
  }

  @Test
  void schemaRejectsATestCaseWithoutAName() {
    assertThatThrownBy(() -> validate("<testsuites tests=\"1\" failures=\"0\" errors=\"0\"><testsuite name=\"a\" "
        + "tests=\"1\" failures=\"0\" errors=\"0\"><testcase classname=\"c\"/></testsuite></testsuites>"))
        .isInstanceOf(SAXException.class);
  }

  @Test
  void aSuitePerAreaAndACasePerPracticeWithCountsThatAddUp() throws Exception {
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(xml().getBytes(StandardCharsets.UTF_8)));
    NodeList suites = doc.getElementsByTagName("testsuite");
    assertThat(suites.getLength()).isEqualTo(4); // three areas and the input errors
    Element first = (Element) suites.item(0);
    assertThat(first.getAttribute("name")).isEqualTo("1. Authentication");
    assertThat(first.getElementsByTagName("testcase").getLength()).isEqualTo(2);
    Element root = doc.getDocumentElement();
    assertThat(root.getAttribute("tests")).isEqualTo("10");
    assertThat(root.getAttribute("failures")).isEqualTo(String.valueOf(doc.getElementsByTagName("failure").getLength()));
    assertThat(root.getAttribute("errors")).isEqualTo(String.valueOf(doc.getElementsByTagName("error").getLength()));
    assertThat(root.getAttribute("skipped")).isEqualTo(String.valueOf(doc.getElementsByTagName("skipped").getLength()));
    // NOT_ASSESSED is an error, never a pass; MANUAL and NOT_APPLICABLE are skipped
    assertThat(xml()).contains("type=\"NOT_ASSESSED\"").contains("<skipped message=\"MANUAL:")
        .contains("<skipped message=\"NOT_APPLICABLE:");
  }
}
