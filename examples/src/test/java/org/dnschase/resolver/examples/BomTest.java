package org.dnschase.resolver.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The BOM lists exactly the modules that are published, at the project's version. */
class BomTest {

  private static final Path ROOT = Path.of("..");

  @Test
  @DisplayName("dnschase-bom manages every published module of the build, and nothing else")
  void bom_listsEveryPublishedModule() throws Exception {
    Document parent = read(ROOT.resolve("pom.xml"));
    Document bom = read(ROOT.resolve("dnschase-bom/pom.xml"));
    List<String> published = new ArrayList<>();
    for (String module : texts(parent.getDocumentElement(), "module")) {
      String pom = Files.readString(ROOT.resolve(module).resolve("pom.xml"));
      if (!module.equals("dnschase-bom") && !pom.contains("<maven.deploy.skip>true</maven.deploy.skip>")) {
        published.add(module);
      }
    }

    assertThat(texts(bom.getDocumentElement(), "artifactId")).containsExactlyInAnyOrderElementsOf(
        concat("dnschase-bom", published));
    assertThat(published).contains("resolver-cache", "resolver-core", "resolver-testkit");
    assertThat(text(bom, "version")).isEqualTo(text(parent, "version"));
  }

  private static Document read(Path pom) throws Exception {
    return DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(pom.toFile());
  }

  private static List<String> texts(Element root, String tag) {
    NodeList nodes = root.getElementsByTagName(tag);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      texts.add(nodes.item(i).getTextContent().strip());
    }
    return texts;
  }

  /** The project's own {@code tag}, a direct child of the root element. */
  private static String text(Document pom, String tag) {
    NodeList children = pom.getDocumentElement().getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      if (children.item(i) instanceof Element element && element.getTagName().equals(tag)) {
        return element.getTextContent().strip();
      }
    }
    throw new AssertionError("no <" + tag + "> in the pom");
  }

  private static List<String> concat(String first, List<String> rest) {
    List<String> all = new ArrayList<>(List.of(first));
    all.addAll(rest);
    return all;
  }
}
