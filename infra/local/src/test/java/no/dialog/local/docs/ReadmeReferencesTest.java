package no.dialog.local.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the README true to the repository: every class, package/class and path it names exists. A rename
 * or a removal that leaves the README behind (as {@code send/SmsSender} was, after the senders became one
 * {@code OnceSender}) fails here, naming what to fix. The README's local routes are checked against a
 * running stack in {@code LocalStackTest}.
 *
 * <p>A backticked name like {@code ContactJson} must be a Java type in the repository, or a name the code
 * or the template uses (a template resource such as {@code PaymentsTable}, an event type such as
 * {@code GiftReceived}); {@code journey/JourneyEngine} must be {@code .../journey/JourneyEngine.java};
 * {@code OnceSender.sendAll} must be a type with that method name in it.
 */
class ReadmeReferencesTest {

    /** Names the README mentions that are not Dialog's: AWS API operations it compares against. */
    private static final Set<String> NOT_OURS = Set.of("BatchExecuteStatement");

    private static Readme readme;
    private static Path root;
    private static List<Path> javaFiles;
    private static String codeText;

    @BeforeAll
    static void readTheRepository() throws IOException {
        readme = Readme.ofThisRepository();
        root = readme.root();
        List<Path> sources = new ArrayList<>();
        for (String top : List.of("functions", "infra", "events")) {
            try (Stream<Path> files = Files.walk(root.resolve(top))) {
                files.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/target/")).forEach(sources::add);
            }
        }
        javaFiles = sources.stream().filter(p -> p.toString().endsWith(".java")).toList();
        StringBuilder text = new StringBuilder(Files.readString(root.resolve("template.yaml")));
        for (Path file : sources) {
            String name = file.toString();
            if (name.contains("/src/main/") || name.startsWith(root.resolve("events").toString())) {
                text.append('\n').append(read(file));
            }
        }
        codeText = text.toString();
    }

    @Test
    void everyBacktickedClassNameIsATypeOrANameTheCodeUses() {
        List<String> missing = new ArrayList<>();
        for (String name : readme.classNames()) {
            String type = name.contains(".") ? name.substring(0, name.indexOf('.')) : name;
            if (NOT_OURS.contains(type)) {
                continue;
            }
            List<Path> declared = javaFiles.stream().filter(p -> p.getFileName().toString().equals(type + ".java")).toList();
            if (name.contains(".")) {
                String method = name.substring(name.indexOf('.') + 1);
                if (declared.stream().noneMatch(p -> read(p).contains(" " + method + "("))) {
                    missing.add(name + " (no type " + type + " with a method " + method + ")");
                }
            } else if (declared.isEmpty() && !Pattern.compile("\\b" + Pattern.quote(type) + "\\b").matcher(codeText).find()) {
                missing.add(name);
            }
        }
        assertThat(missing).as("names in README.md that the code does not have").isEmpty();
        assertThat(readme.classNames()).as("the check finds the README's class names").contains("ContactJson", "OnceSender");
    }

    @Test
    void everyPackageAndClassItNamesIsAJavaFileInThatPackage() {
        List<String> missing = new ArrayList<>();
        for (String name : readme.packageClasses()) {
            String suffix = "/" + name + ".java";
            if (javaFiles.stream().noneMatch(p -> p.toString().endsWith(suffix))) {
                missing.add(name);
            }
        }
        assertThat(missing).as("package/Class names in README.md without such a Java file").isEmpty();
        assertThat(readme.packageClasses()).as("the check finds them").contains("journey/JourneyEngine");
    }

    @Test
    void everyPathItNamesExists() {
        List<String> missing = new ArrayList<>();
        for (String path : readme.paths()) {
            if (!exists(path)) {
                missing.add(path);
            }
        }
        assertThat(missing).as("paths in README.md that are not in the repository").isEmpty();
        assertThat(readme.paths()).as("the check finds them")
                .contains("docs/payments.md", "events/sync/contacts.ndjson", "docs/examples/student-journey.sh");
    }

    @Test
    void everyEntryOfTheLayoutTreeExists() {
        Set<String> entries = readme.layoutEntries();
        assertThat(entries).as("the layout tree is read").contains("template.yaml", "functions/core/", "infra/local/");
        List<String> missing = entries.stream().filter(entry -> !Files.exists(root.resolve(entry))).toList();
        assertThat(missing).as("entries of the README's layout tree that are not in the repository").isEmpty();
    }

    /** An exact path; {@code a/.../b} as a/**&#47;b; or a prefix of a file name ({@code docs/adr/0004}). */
    private static boolean exists(String path) {
        if (path.contains("/.../")) {
            Path base = root.resolve(path.substring(0, path.indexOf("/.../")));
            String tail = "/" + path.substring(path.indexOf("/.../") + 5);
            try (Stream<Path> files = Files.walk(base)) {
                return files.anyMatch(p -> p.toString().endsWith(tail));
            } catch (IOException e) {
                return false;
            }
        }
        Path resolved = root.resolve(path);
        if (Files.exists(resolved)) {
            return true;
        }
        Path parent = resolved.getParent();
        String prefix = resolved.getFileName().toString();
        if (parent == null || !Files.isDirectory(parent) || prefix.length() < 3) {
            return false;
        }
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.anyMatch(p -> p.getFileName().toString().startsWith(prefix + "-"));
        } catch (IOException e) {
            return false;
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.nio.charset.MalformedInputException e) {
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
