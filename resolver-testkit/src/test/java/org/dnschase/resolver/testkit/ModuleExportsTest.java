package org.dnschase.resolver.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.module.ModuleDescriptor;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The testkit's module: its two packages are its API, and it reads no resolver module but the rules. */
class ModuleExportsTest {

  private static final Module TESTKIT = TestHierarchy.class.getModule();

  @Test
  @DisplayName("the testkit is a named module exporting its hierarchy and scenario packages, to everyone")
  void descriptor_exportsTheTestkitPackages() {
    ModuleDescriptor descriptor = TESTKIT.getDescriptor();

    assertThat(TESTKIT.getName()).isEqualTo("org.dnschase.resolver.testkit");
    assertThat(descriptor.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse());
    assertThat(descriptor.exports()).extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrder(
        "org.dnschase.resolver.testkit", "org.dnschase.resolver.testkit.scenario");
  }

  @Test
  @DisplayName("the testkit stands apart from the resolver: of the project's modules it requires only the rules")
  void descriptor_requiresOnlyTheRulesOfTheProject() {
    assertThat(TESTKIT.getDescriptor().requires()).extracting(ModuleDescriptor.Requires::name)
        .filteredOn(name -> name.startsWith("org.dnschase")).containsExactly("org.dnschase.resolver.rules");
  }
}
