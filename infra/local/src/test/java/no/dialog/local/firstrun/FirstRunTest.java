package no.dialog.local.firstrun;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.core.compliance.ChannelReachability;
import no.dialog.core.compliance.ConsentRules;
import no.dialog.core.compliance.GiverRelationship;
import no.dialog.core.contact.Contact;
import no.dialog.core.contact.ContactJson;
import no.dialog.core.journey.SendChannel;
import no.dialog.core.segment.Criterion;
import no.dialog.core.segment.SegmentDefinitions;
import no.dialog.core.segment.SegmentEvaluator;
import no.dialog.local.Main;
import no.dialog.local.demo.DemoContacts;
import no.dialog.local.template.TemplateFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;

/**
 * The first ten minutes of a newcomer, as the README tells them: start the local stack ({@code Main}, as
 * {@code infra/local/run} does, in its own JVM, in memory, on free ports) and run both example scripts in
 * {@code docs/examples} at once, without waiting for anything. The scripts must wait until the demo
 * organisation's 10,000 contacts (5,000 of them planted people) are imported, run their journeys (moving the local clock instead of waiting),
 * check their own numbers and exit 0. The numbers they print are then checked against the demo register
 * itself: the deterministic generator and the segment and send rules of core, for the local date the script
 * printed. A script that started on a half-imported register (the issue this test guards) reports a fraction
 * of them.
 *
 * <p>Needs bash, curl and python3, as the scripts do (README, "Tests"). Takes about four minutes on two
 * shared cores: the import, then two journeys. The stack's output goes to
 * {@code target/first-run/stack.log}, the scripts' to {@code target/first-run/<script>.log}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 12, unit = TimeUnit.MINUTES)
class FirstRunTest {

    private static final int DEMO_CONTACTS = 5000;
    private static final Duration SCRIPT_PATIENCE = Duration.ofMinutes(8);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Path root;
    private static Path logs;
    private static Process stack;
    private static final List<String> stackLines = Collections.synchronizedList(new ArrayList<>());
    private static String baseUrl;

    @BeforeAll
    static void startTheStackAsTheReadmeDoes() throws Exception {
        for (String tool : List.of("bash", "curl", "python3")) {
            assertThat(onPath(tool)).as("the example scripts need %s on the PATH (README, \"Tests\")", tool).isTrue();
        }
        root = TemplateFiles.findFromWorkingDirectory().toAbsolutePath().getParent();
        logs = Files.createDirectories(root.resolve("infra/local/target/first-run"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        baseUrl = "http://localhost:" + port;
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As infra/local/run starts it, but in memory and on free ports (others may run a stack on this machine).
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx768m", "-XX:+UseParallelGC", "-cp", classpath,
                Main.class.getName(), "--in-memory", "--port", Integer.toString(port),
                "--dynamodb-port", "0", "--sqs-port", "0", "--s3-port", "0", "--demo-contacts", Integer.toString(DEMO_CONTACTS))
                .directory(root.toFile()).redirectErrorStream(true);
        stack = builder.start();
        Process started = stack;
        // Should this test JVM be killed, the stack goes with it.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly, "first-run-stack-stop"));
        Path stackLog = logs.resolve("stack.log");
        Thread reader = new Thread(() -> copyLines(stack, stackLog, stackLines), "first-run-stack-output");
        reader.setDaemon(true);
        reader.start();
    }

    @AfterAll
    static void stopTheStack() throws InterruptedException {
        if (stack != null) {
            stack.destroy();
            if (!stack.waitFor(20, TimeUnit.SECONDS)) {
                stack.destroyForcibly();
            }
        }
    }

    @Test
    @Order(1)
    void theStudentExampleRunAtOnceWaitsForTheDemoOrganisationAndItsNumbersAddUp() throws Exception {
        Script run = runScript("student-journey.sh");
        assertThat(run.exitCode()).as("exit code of student-journey.sh; its output:%n%s", run.output()).isZero();
        // It started before the stack was ready, and said what it waited for.
        assertThat(run.output()).contains("waiting for the local stack: ").contains("is ready").contains("All checks passed.");

        LocalDate today = run.localDate();
        List<Contact> register = demoRegister();
        Criterion students = criterion("students-past-exam.segment.json");
        List<Contact> matching = register.stream().filter(c -> SegmentEvaluator.matches(c, students, today)).toList();
        long reachable = matching.stream().filter(c -> smsAllowed(c, today)).count();
        assertThat(matching.size()).as("students with an exam date behind them on %s", today).isGreaterThan(50);

        assertThat(run.number("(\\d+) students in the demo organisation have an exam date behind them"))
                .as("the preview counts the whole demo organisation").isEqualTo(matching.size());
        assertThat(run.number("(\\d+) SMS in the outbox")).as("SMS of the first step").isEqualTo(reachable);
        // Reminders go to those who did not answer, as far as SMS may reach them.
        List<String> answered = run.all("(D-\\d{7}) answers");
        assertThat(answered).hasSize(2);
        long answeredReachable = matching.stream().filter(c -> answered.contains(c.id()) && smsAllowed(c, today)).count();
        assertThat(run.number("(\\d+) reminders")).as("reminders").isEqualTo(reachable - answeredReachable);
        assertThat(run.output()).contains("ok: SMS sent = reachable students in the preview (" + matching.size() + " - "
                + (matching.size() - reachable) + "): " + reachable);
    }

    @Test
    @Order(2)
    void theChristmasExampleRunsThenAndItsNumbersAddUp() throws Exception {
        Script run = runScript("christmas-gift.sh");
        assertThat(run.exitCode()).as("exit code of christmas-gift.sh; its output:%n%s", run.output()).isZero();
        assertThat(run.output()).contains("All checks passed.");

        LocalDate today = run.localDate();
        Criterion givers = criterion("christmas-givers.segment.json");
        List<Contact> matching = demoRegister().stream().filter(c -> SegmentEvaluator.matches(c, givers, today)).toList();
        long reachable = matching.stream().filter(c -> smsAllowed(c, today)).count();
        assertThat(run.number("(\\d+) people gave in the last year")).isEqualTo(matching.size());
        // The students example ran first, a week earlier on the local clock: nobody reaches the cap of 3 SMS in 7 days.
        assertThat(run.number("(\\d+) SMS; one of them")).isEqualTo(reachable);
        assertThat(run.output()).contains("ok: goal reached (her gift): 1").contains("ok: goal revenue in øre (200 kr): 20000");
    }

    @Test
    @Order(3)
    void theStackSaidItWasRunningOnlyOnceTheDemoOrganisationWasComplete() {
        List<String> lines = List.copyOf(stackLines);
        // The 5,000 demo contacts and the 5,000 planted people infra/local/run adds by default.
        int started = indexOf(lines, "importing the demo organisation's 10,000 contacts");
        int running = indexOf(lines, Main.RUNNING);
        assertThat(started).as("the start line, in:%n%s", String.join("\n", lines)).isNotNegative();
        assertThat(running).as("the running line").isGreaterThan(started);
        assertThat(lines.get(running)).contains("the demo organisation has its 10,000 contacts");
        assertThat(lines.subList(started, running)).as("progress lines before it")
                .anyMatch(line -> line.matches("\\s+demo organisation: [\\d,]+ of 10,000 contacts imported \\(\\d+ %\\)"));
    }

    private record Script(int exitCode, String output) {

        long number(String regex) {
            Matcher m = Pattern.compile(regex).matcher(output);
            assertThat(m.find()).as("a line matching %s in:%n%s", regex, output).isTrue();
            return Long.parseLong(m.group(1));
        }

        List<String> all(String regex) {
            Matcher m = Pattern.compile(regex).matcher(output);
            List<String> found = new ArrayList<>();
            while (m.find()) {
                found.add(m.group(1));
            }
            return found;
        }

        LocalDate localDate() {
            Matcher m = Pattern.compile("the local clock says (\\d{4}-\\d{2}-\\d{2}) ").matcher(output);
            assertThat(m.find()).as("the local date the script printed, in:%n%s", output).isTrue();
            return LocalDate.parse(m.group(1));
        }
    }

    private static Script runScript(String name) throws Exception {
        Path log = logs.resolve(name.replace(".sh", ".log"));
        ProcessBuilder builder = new ProcessBuilder("bash", root.resolve("docs/examples").resolve(name).toString())
                .directory(root.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("DIALOG_BASE_URL", baseUrl);
        builder.environment().put("DIALOG_READY_TIMEOUT", "420");
        Process script = builder.start();
        if (!script.waitFor(SCRIPT_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            script.destroyForcibly();
            throw new AssertionError(name + " did not finish in " + SCRIPT_PATIENCE + "; its output:\n"
                    + Files.readString(log));
        }
        return new Script(script.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
    }

    private static List<Contact> demoRegister() {
        ContactJson json = new ContactJson(Clock.systemUTC());
        List<Contact> contacts = new ArrayList<>(DEMO_CONTACTS);
        for (int n = 0; n < DEMO_CONTACTS; n++) {
            contacts.add(json.read(DemoContacts.contact(n).toString()).contact());
        }
        return contacts;
    }

    private static Criterion criterion(String segmentFile) throws IOException {
        var parsed = SegmentDefinitions.parse(MAPPER.readTree(root.resolve("docs/examples").resolve(segmentFile).toFile())
                .get("criteria"));
        assertThat(parsed.ok()).as("%s parses: %s", segmentFile, parsed.problems()).isTrue();
        return parsed.criterion();
    }

    /** Whether send-sms may text the person (the demo tenant is a voluntary organisation with default settings). */
    private static boolean smsAllowed(Contact contact, LocalDate today) {
        boolean relationship = GiverRelationship.exists(contact, today, GiverRelationship.ACTIVE_GIVER_PERIOD);
        return ChannelReachability.unreachable(contact, SendChannel.SMS).isEmpty()
                && ConsentRules.refusal(contact, SendChannel.SMS, relationship, true).isEmpty();
    }

    private static int indexOf(List<String> lines, String text) {
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    private static void copyLines(Process process, Path log, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                lines.add(line);
                out.write(line);
                out.newLine();
                out.flush();
            }
        } catch (IOException e) {
            if (process.isAlive()) {
                throw new UncheckedIOException(e);
            } // else: the stack was stopped and its output closed
        }
    }
}
