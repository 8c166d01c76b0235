package no.dialog.bench;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * {@code wrk} (Debian's package, 4.1) as a load generator in its own process, so the load does not take the CPU
 * the benchmark measures through the JVM's own threads. Each run is closed loop ({@code -c} connections, each
 * sending its next request when the last is answered) with a Lua script that makes the requests and, when wrk is
 * done, prints one line this class reads: requests, duration, latency percentiles, the answers with a status of
 * 300 or more ({@code refused}, counted in the script's {@code response} callback: wrk's own count leaves 3xx
 * out) and the requests that got no answer ({@code lost}: connect, read, write errors and timeouts).
 */
final class Wrk {

    /** The line the scripts' {@code done} prints. */
    private static final Pattern SUMMARY = Pattern.compile(
            "dialog-wrk requests=(\\d+) duration_us=(\\d+) refused=(\\d+) lost=(\\d+) p50_us=(\\d+) p99_us=(\\d+)");

    /**
     * The part every script shares: a request counter per thread that starts at a different place, the count of
     * answers with a status of 300 or more, and the summary line.
     */
    private static final String COMMON = """
            local threads = {}
            local started = 0
            function setup(thread)
              started = started + 1
              thread:set("id", started)
              table.insert(threads, thread)
            end
            function init(args)
              refused = 0
              n = id * 7919
              math.randomseed(os.time() * 1000 + id)
            end
            function response(status, headers, body)
              if status >= 300 then refused = refused + 1 end
            end
            function done(summary, latency, requests)
              local answeredBadly = 0
              for _, thread in ipairs(threads) do answeredBadly = answeredBadly + thread:get("refused") end
              local e = summary.errors
              io.write(string.format("dialog-wrk requests=%d duration_us=%d refused=%d lost=%d p50_us=%d p99_us=%d\\n",
                summary.requests, summary.duration, answeredBadly, e.connect + e.read + e.write + e.timeout,
                latency:percentile(50), latency:percentile(99)))
            end
            """;

    /** One run: what wrk counted. */
    record Run(long requests, double seconds, long refused, long lost, double p50Ms, double p99Ms) {

        double requestsPerSecond() {
            return requests / seconds;
        }
    }

    private Wrk() {}

    /**
     * Makes sure {@code wrk} is on the PATH: installs Debian's package when missing and running as root (as
     * {@code infra/bench/run} does for PostgreSQL), else fails saying how to install it.
     */
    static void ensureInstalled() throws IOException, InterruptedException {
        if (installed()) {
            return;
        }
        if (!isRoot()) {
            throw new IllegalStateException("wrk is missing: sudo apt-get install -y wrk");
        }
        Process install = new ProcessBuilder("apt-get", "install", "-y", "-qq", "wrk").inheritIO().start();
        if (install.waitFor() != 0 || !installed()) {
            throw new IllegalStateException("apt-get install -y wrk failed (exit " + install.exitValue() + ")");
        }
    }

    static boolean installed() {
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, "wrk"))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot() {
        try {
            Process id = new ProcessBuilder("id", "-u").redirectErrorStream(true).start();
            String out = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            return id.waitFor() == 0 && out.equals("0");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** A script that sends the same request again and again. */
    static String fixed(String method, String path) {
        return "function request()\n  return wrk.format(" + lua(method) + ", " + lua(path) + ")\nend\n" + COMMON;
    }

    /**
     * A script that goes through {@code paths} in turn (each thread from its own place), with these headers; each
     * request's body (null: none) is {@code bodyLua}, a Lua expression that may use {@code i} (the path's index,
     * 1-based), {@code random(k)} (k random characters of a base64url alphabet) and the Lua tables {@code tables}
     * names (each as long as {@code paths}: the values for the path at the same index).
     */
    static String rotating(String method, List<String> paths, Map<String, String> headers, String bodyLua,
            Map<String, List<String>> tables) {
        StringBuilder script = new StringBuilder();
        script.append("local paths = ").append(table(paths)).append('\n');
        tables.forEach((name, values) -> script.append("local ").append(name).append(" = ").append(table(values))
                .append('\n'));
        script.append("local headers = {")
                .append(headers.entrySet().stream().map(h -> "[" + lua(h.getKey()) + "] = " + lua(h.getValue()))
                        .collect(Collectors.joining(", ")))
                .append("}\n");
        script.append("""
                local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
                local function random(k)
                  local s = {}
                  for j = 1, k do
                    local r = math.random(1, 64)
                    s[j] = alphabet:sub(r, r)
                  end
                  return table.concat(s)
                end
                function request()
                  n = n + 1
                  local i = n % #paths + 1
                """);
        script.append("  return wrk.format(").append(lua(method)).append(", paths[i], headers, ")
                .append(bodyLua == null ? "nil" : bodyLua).append(")\nend\n");
        return script.append(COMMON).toString();
    }

    /**
     * Runs wrk with this script against {@code base} for {@code seconds}, over {@code connections} connections
     * (and as many threads as connections, at most 2: the machine's cores are shared with the stack).
     */
    static Run run(URI base, String script, int connections, int seconds) throws IOException, InterruptedException {
        Path file = Files.createTempFile("dialog-wrk", ".lua");
        try {
            Files.writeString(file, script);
            int threads = Math.min(2, connections);
            Process wrk = new ProcessBuilder("wrk", "-t", String.valueOf(threads), "-c", String.valueOf(connections),
                    "-d", seconds + "s", "--timeout", "30s", "-s", file.toString(), base.toString())
                    .redirectErrorStream(true).start();
            String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!wrk.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
                wrk.destroyForcibly();
                throw new IllegalStateException("wrk did not end: " + output);
            }
            Matcher m = SUMMARY.matcher(output);
            if (wrk.exitValue() != 0 || !m.find()) {
                throw new IllegalStateException("wrk failed (exit " + wrk.exitValue() + "): " + output);
            }
            return new Run(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)) / 1e6, Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)) / 1e3, Long.parseLong(m.group(6)) / 1e3);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static String table(List<String> values) {
        return values.stream().map(Wrk::lua).collect(Collectors.joining(", ", "{", "}"));
    }

    /** A Lua string literal; the values here are URL paths, tokens and header values (no quotes, no newlines). */
    private static String lua(String value) {
        if (!value.matches("[A-Za-z0-9_./=:;,&+ -]*")) {
            throw new IllegalArgumentException("not a plain value for a Lua script: " + value);
        }
        return "\"" + value + "\"";
    }
}
