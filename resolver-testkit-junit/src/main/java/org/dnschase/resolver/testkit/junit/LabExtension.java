package org.dnschase.resolver.testkit.junit;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.dnschase.resolver.testkit.TestHierarchy;
import org.dnschase.resolver.testkit.ZoneTree;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the hierarchy of each {@link Lab} field of a test class before the class's own
 * {@code @BeforeAll} methods, and has JUnit close it once the class is done: what a store holds
 * is closed as the class's context ends, after its {@code @AfterAll} methods, also when a test
 * failed or the start of a later field did.
 */
final class LabExtension implements BeforeAllCallback {

  private static final ExtensionContext.Namespace LABS = ExtensionContext.Namespace.create(LabExtension.class);

  /**
   * Starts the fields of the classes the test class extends first, each class's in the order they
   * are declared: a subclass's hierarchy may be built from its base class's (its port, say).
   */
  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    Class<?> testClass = context.getRequiredTestClass();
    List<Class<?>> baseFirst = new ArrayList<>();
    for (Class<?> type = testClass; type != Object.class; type = type.getSuperclass()) {
      baseFirst.addFirst(type);
    }
    for (Class<?> type : baseFirst) {
      for (Field field : type.getDeclaredFields()) {
        Lab lab = field.getAnnotation(Lab.class);
        if (lab != null) {
          start(context, testClass, field, lab.value());
        }
      }
    }
  }

  private static void start(ExtensionContext context, Class<?> testClass, Field field, String source)
      throws Exception {
    if (!isStatic(field) || field.getType() != TestHierarchy.class) {
      throw new ExtensionConfigurationException("@Lab " + field + " must be a static TestHierarchy field");
    }
    TestHierarchy hierarchy = switch (valueOf(testClass, source)) {
      case TestHierarchy started -> started;
      case ZoneTree tree -> TestHierarchy.builder().zones(tree).build();
      case Object other -> throw new ExtensionConfigurationException("@Lab(\"" + source + "\") of "
          + testClass.getName() + " is a " + other.getClass().getName() + ", neither a ZoneTree nor a TestHierarchy");
    };
    context.getStore(LABS).put(field, (ExtensionContext.Store.CloseableResource) hierarchy::close);
    field.setAccessible(true);
    field.set(null, hierarchy);
  }

  /** What the static member {@code source} names holds or returns; never null. */
  private static Object valueOf(Class<?> testClass, String source) throws Exception {
    int hash = source.indexOf('#');
    Object value = hash >= 0 ? invoke(classNamed(testClass, source.substring(0, hash))
        .getDeclaredMethod(source.substring(hash + 1))) : memberValue(testClass, source);
    if (value == null) {
      throw new ExtensionConfigurationException("@Lab(\"" + source + "\") of " + testClass.getName() + " is null");
    }
    return value;
  }

  /**
   * What the static no-argument method named {@code name} of the test class or a class it extends
   * returns, or else what its static field of that name holds: a method may share its name with
   * the {@code @Lab} field it starts.
   */
  private static Object memberValue(Class<?> testClass, String name) throws Exception {
    for (Class<?> type = testClass; type != Object.class; type = type.getSuperclass()) {
      for (Method method : type.getDeclaredMethods()) {
        if (method.getName().equals(name) && method.getParameterCount() == 0 && isStatic(method)) {
          return invoke(method);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (field.getName().equals(name) && isStatic(field)) {
          field.setAccessible(true);
          return field.get(null);
        }
      }
    }
    throw new ExtensionConfigurationException("@Lab(\"" + name + "\"): " + testClass.getName()
        + " has no static field or no-argument static method of that name");
  }

  /** {@code name} in full, or a simple name of a class in the test class's package. */
  private static Class<?> classNamed(Class<?> testClass, String name) throws ClassNotFoundException {
    String full = name.indexOf('.') < 0 ? testClass.getPackageName() + "." + name : name;
    return Class.forName(full, true, testClass.getClassLoader());
  }

  /** Calls the static no-argument {@code method}; what it throws is thrown as it is. */
  private static Object invoke(Method method) throws Exception {
    if (!isStatic(method)) {
      throw new ExtensionConfigurationException("@Lab: " + method + " must be static");
    }
    method.setAccessible(true);
    try {
      return method.invoke(null);
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof Exception cause ? cause : e;
    }
  }

  private static boolean isStatic(Member member) {
    return Modifier.isStatic(member.getModifiers());
  }
}
