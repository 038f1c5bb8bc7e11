package org.dnschase.resolver.testkit.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A static {@link org.dnschase.resolver.testkit.TestHierarchy} field that JUnit 5 fills with a
 * hierarchy started once for the test class, before its own {@code @BeforeAll} methods, and closes
 * after its {@code @AfterAll} methods, as it makes and removes a static {@code @TempDir}: {@code
 * @Lab static TestHierarchy lab;} starts the class's {@code static final ZoneTree TREE}, and
 * {@code @Lab("SignedLab#start")} what {@code SignedLab.start()} returns. The member {@link #value}
 * names is a static field or no-argument static method of the test class (or a class it extends)
 * holding a {@code ZoneTree}, started as it is, or a started {@code TestHierarchy}. A field declared
 * on a base class is started anew for each test class that extends it, before the subclass's own,
 * which may so be built from it.
 */
@Documented
@Target(ElementType.FIELD)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(LabExtension.class)
public @interface Lab {

  /**
   * {@return where the hierarchy comes from: the name of a static field or no-argument static
   * method of the test class (or a class it extends), or {@code Class#method} for a static method
   * of another class, named in full or by its simple name when it is in the test class's package;
   * of type {@code ZoneTree} or {@code TestHierarchy}}
   */
  String value() default "TREE";
}
