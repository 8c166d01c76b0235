package no.dialog.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The rules that keep core a pure domain (docs/adr/0021-architecture-rules.md). Only core's production
 * classes are checked; the tests may use what they like.
 */
@AnalyzeClasses(packages = "no.dialog.core", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreArchitectureTest {

    /** Core is the domain: rules and ports. AWS, Micronaut, HTTP and Dialog's adapters are outside it. */
    @ArchTest
    static final ArchRule core_uses_no_aws_micronaut_http_or_adapters = noClasses()
            .that().resideInAPackage("no.dialog.core..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    // AWS: SDK v2, SDK v1 / Lambda runtime libraries, DynamoDB Local, EventBridge's ruler
                    "software.amazon..", "com.amazonaws..", "amazon..",
                    // Micronaut and the other frameworks the function modules use
                    "io.micronaut..", "jakarta.inject..", "javax.inject..",
                    // HTTP: clients, servers, servlets
                    "java.net.http..", "jakarta.servlet..", "javax.servlet..", "org.eclipse.jetty..",
                    "io.netty..", "org.apache.http..", "org.apache.hc..", "okhttp3..",
                    "jakarta.ws.rs..", "jakarta.mail..",
                    // Dialog's adapters, provider clients, functions and infrastructure
                    "no.dialog.aws..", "no.dialog.providers..", "no.dialog.emulators..", "no.dialog.local..",
                    "no.dialog.bench..", "no.dialog.sync..", "no.dialog.adminapi..", "no.dialog.segmentation..",
                    "no.dialog.journeys..", "no.dialog.sendsms..", "no.dialog.webhooks..", "no.dialog.sendemail..",
                    "no.dialog.sendchat..", "no.dialog.sendnewsletter..", "no.dialog.runfiles..",
                    "no.dialog.landing..", "no.dialog.vipps..", "no.dialog.ocrimport..")
            .because("core is the pure domain (rules and ports); AWS, Micronaut, HTTP and providers are adapters");

    /** HTTP through the JDK's older API is HTTP too. */
    @ArchTest
    static final ArchRule core_opens_no_http_connections = noClasses()
            .that().resideInAPackage("no.dialog.core..")
            .should().dependOnClassesThat().areAssignableTo(java.net.URLConnection.class)
            .orShould().dependOnClassesThat().areAssignableTo(java.net.Socket.class)
            .because("core does no I/O to other systems; ports in core are implemented by aws and providers");

    /**
     * Core's third-party libraries are few and chosen (functions/core/pom.xml): Jackson for JSON, libphonenumber,
     * SLF4J and Pebble for templates. A new one is a decision: add it here and to the pom together.
     */
    @ArchTest
    static final ArchRule core_uses_only_its_chosen_libraries = ArchRuleDefinition.classes()
            .that().resideInAPackage("no.dialog.core..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "no.dialog.core..", "java..", "javax.crypto..",
                    "com.fasterxml.jackson..", "com.google.i18n.phonenumbers..", "org.slf4j..",
                    "io.pebbletemplates..")
            .because("core's dependencies are the JDK and the libraries in functions/core/pom.xml");

    /** No cycles between core's packages (a package with its subpackages is one slice). */
    @ArchTest
    static final ArchRule core_packages_are_free_of_cycles = slices()
            .matching("no.dialog.core.(*)..")
            .should().beFreeOfCycles();
}
