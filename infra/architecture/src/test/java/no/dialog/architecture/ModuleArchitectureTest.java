package no.dialog.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.Source;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which module may use which, on the compiled classes of every function module, aws, providers and core
 * (docs/adr/0021-architecture-rules.md). Function modules live in {@code no.dialog.<module without dashes>}
 * ({@code functions/send-sms} is {@code no.dialog.sendsms}); the shared modules are core, aws and providers.
 * Production classes only: tests may use the emulators and the aws test fixtures.
 */
@AnalyzeClasses(packages = "no.dialog", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleArchitectureTest {

    /** The modules every function may use, by their top-level package under {@code no.dialog}. */
    static final Set<String> SHARED = Set.of("core", "aws", "providers");

    private static final String[] SHARED_PACKAGES = {"no.dialog.core..", "no.dialog.aws..", "no.dialog.providers.."};

    /**
     * A function module's classes use their own package, core, aws, providers and third-party libraries: never
     * another function module, nor infra (emulators, local, bench) or anything else of Dialog's.
     */
    @ArchTest
    static final ArchRule function_modules_depend_only_on_themselves_core_aws_and_providers = classes()
            .that().resideInAPackage("no.dialog..")
            .and().resideOutsideOfPackages(SHARED_PACKAGES)
            .should(dependOnlyOnTheirOwnModuleAndTheSharedOnes())
            .because("a function is a thin handler over core, aws and providers; what two functions share"
                    + " belongs in one of those");

    /** aws and providers are adapters the functions share: they know no function and no infra. */
    @ArchTest
    static final ArchRule aws_and_providers_depend_on_no_function_or_infra = noClasses()
            .that().resideInAnyPackage("no.dialog.aws..", "no.dialog.providers..")
            .should().dependOnClassesThat(resideInAPackage("no.dialog..")
                    .and(DescribedPredicate.not(resideInAnyPackage(SHARED_PACKAGES))))
            .because("aws and providers are shared adapters over core: a function or infra class in them"
                    + " would tie every function to it");

    /**
     * The rules above go by package, so each module's classes must be in its own package: those of
     * {@code functions/send-sms} in {@code no.dialog.sendsms..}, of {@code functions/core} in {@code no.dialog.core..}.
     */
    @ArchTest
    static final ArchRule every_module_keeps_its_classes_in_its_own_package = classes()
            .that().resideInAPackage("no.dialog..")
            .should(resideInTheirModulesPackage());

    private static final Pattern CLASSES_DIRECTORY = Pattern.compile("/functions/([a-z0-9-]+)/target/classes/");
    private static final Pattern JAR = Pattern.compile("/dialog-([a-z0-9-]+?)-\\d[^/]*\\.jar!");

    /** The top-level package under {@code no.dialog} ({@code sendsms} for {@code no.dialog.sendsms.x}). */
    static String topPackage(JavaClass type) {
        String name = type.getBaseComponentType().getPackageName();
        if (!name.startsWith("no.dialog.")) {
            return "";
        }
        String rest = name.substring("no.dialog.".length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static ArchCondition<JavaClass> dependOnlyOnTheirOwnModuleAndTheSharedOnes() {
        return new ArchCondition<>("depend only on their own module, core, aws, providers and libraries") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                String own = topPackage(origin);
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    if (!target.getPackageName().startsWith("no.dialog.")) {
                        continue;
                    }
                    String top = topPackage(target);
                    if (!top.equals(own) && !SHARED.contains(top)) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    static ArchCondition<JavaClass> resideInTheirModulesPackage() {
        return new ArchCondition<>("reside in their module's package (functions/send-sms: no.dialog.sendsms..)") {
            @Override
            public void check(JavaClass type, ConditionEvents events) {
                Optional<String> module = type.getSource().map(Source::getUri).map(Object::toString)
                        .flatMap(ModuleArchitectureTest::moduleOf);
                if (module.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " comes from "
                            + type.getSource().map(Source::getUri).map(Object::toString).orElse("nowhere")
                            + ", not from a module of the reactor"));
                    return;
                }
                String expected = module.get().replace("-", "");
                if (!topPackage(type).equals(expected)) {
                    events.add(SimpleConditionEvent.violated(type, type.getName() + " is in module " + module.get()
                            + " but not in no.dialog." + expected));
                }
            }
        };
    }

    /** The module a class file comes from: a reactor build's classes directory, or the module's jar. */
    static Optional<String> moduleOf(String uri) {
        Matcher directory = CLASSES_DIRECTORY.matcher(uri);
        if (directory.find()) {
            return Optional.of(directory.group(1));
        }
        Matcher jar = JAR.matcher(uri);
        return jar.find() ? Optional.of(jar.group(1)) : Optional.empty();
    }
}
