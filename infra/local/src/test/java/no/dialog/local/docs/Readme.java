package no.dialog.local.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.dialog.local.template.TemplateFiles;

/**
 * What the README names, read the way the docs tests check it: backticked class names ({@code ContactJson},
 * {@code OnceSender.sendAll}), classes by package ({@code send/OnceSender}), paths in the repository
 * ({@code functions/...}, {@code docs/...}, {@code events/...}, {@code infra/...}, also in links and plain
 * text), the entries of the layout tree, and the routes of the local-surface table.
 */
public final class Readme {

    /** One route of the local-surface table: a method (null when the table names none) and a path with query. */
    public record Route(String method, String path, String asWritten) {}

    private static final Pattern BACKTICKED = Pattern.compile("`([^`\\n]+)`");
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Z][a-z0-9]+(?:[A-Z][a-z0-9]*)+(?:\\.[a-z]\\w*)?");
    private static final Pattern PACKAGE_CLASS = Pattern.compile("[a-z]+(?:/[a-z]+)*/[A-Z]\\w+");
    private static final Pattern PATH = Pattern.compile(
            "(?<![\\w/.<>{}-])((?:functions|docs|events|infra|\\.ci)/[A-Za-z0-9_./<>{}*|-]*|template\\.yaml|pom\\.xml)");

    private final Path root;
    private final String text;

    private Readme(Path root, String text) {
        this.root = root;
        this.text = text;
    }

    public static Readme ofThisRepository() {
        Path root = TemplateFiles.findFromWorkingDirectory().toAbsolutePath().getParent();
        try {
            return new Readme(root, Files.readString(root.resolve("README.md")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path root() {
        return root;
    }

    /** Backticked names that look like Java classes, with an optional {@code .method}. */
    public Set<String> classNames() {
        Set<String> names = new LinkedHashSet<>();
        for (String token : backticked()) {
            if (CLASS_NAME.matcher(token).matches()) {
                names.add(token);
            }
        }
        return names;
    }

    /** Backticked {@code package/Class} references, e.g. {@code journey/JourneyEngine}. */
    public Set<String> packageClasses() {
        Set<String> names = new LinkedHashSet<>();
        for (String token : backticked()) {
            if (PACKAGE_CLASS.matcher(token).matches() && !PATH.matcher(token).lookingAt()) {
                names.add(token);
            }
        }
        return names;
    }

    /**
     * Repository paths named anywhere (code blocks, links, plain text), without trailing punctuation; paths
     * with placeholders ({@code <name>}, {@code {id}}, {@code *}) are left out, {@code ...} stands for any folders.
     */
    public Set<String> paths() {
        Set<String> paths = new LinkedHashSet<>();
        Matcher m = PATH.matcher(text);
        while (m.find()) {
            String path = m.group(1).replaceAll("[.,:;)|]+$", "");
            if (path.matches(".*[<>{}*|].*")) {
                continue;
            }
            paths.add(path);
        }
        return paths;
    }

    /**
     * The entries of the tree in the "Layout" section: top-level names ({@code pom.xml}, {@code functions/})
     * and the folders indented under a top-level folder ({@code functions/core/}, {@code docs/adr/}).
     */
    public Set<String> layoutEntries() {
        String block = codeBlockAfter("## Layout");
        Set<String> entries = new LinkedHashSet<>();
        String parent = "";
        Pattern entry = Pattern.compile("^( *)([A-Za-z0-9_.-]+(?:/[A-Za-z0-9_.-]+)*/?)(?: {2,}.*)?$");
        for (String line : block.split("\n")) {
            Matcher m = entry.matcher(line);
            if (!m.matches()) {
                continue;
            }
            String name = m.group(2);
            if (m.group(1).isEmpty()) {
                entries.add(name);
                parent = name.endsWith("/") ? name : "";
            } else if (!parent.isEmpty() && name.endsWith("/")) {
                entries.add(parent + name);
            }
        }
        return entries;
    }

    /** The routes of the table under "Local surface", in order; relative entries ({@code /settle-charges}) resolved. */
    public List<Route> localSurface() {
        int start = text.indexOf("Local surface");
        if (start < 0) {
            throw new IllegalStateException("the README has no \"Local surface\" table");
        }
        List<Route> routes = new ArrayList<>();
        boolean inTable = false;
        for (String line : text.substring(start).split("\n")) {
            if (!line.startsWith("|")) {
                if (inTable) {
                    break;
                }
                continue;
            }
            inTable = true;
            String[] cells = line.split("\\|");
            if (cells.length < 2 || cells[1].isBlank() || cells[1].contains("---") || cells[1].trim().equals("Path")) {
                continue;
            }
            String method = null;
            String previous = null;
            Matcher m = BACKTICKED.matcher(cells[1]);
            while (m.find()) {
                String written = m.group(1).trim();
                String[] parts = written.split(" ", 2);
                String path = written;
                if (parts.length == 2 && parts[0].matches("[A-Z|]+")) {
                    method = parts[0];
                    path = parts[1].trim();
                }
                if (previous != null && !path.matches("/(local|sandbox|aws|health|p|webhooks|admin)(/.*|\\?.*)?")) {
                    // "/settle-charges" after "/local/vipps/app-gift": a sibling of the previous route.
                    path = previous.substring(0, previous.lastIndexOf('/')) + path;
                }
                routes.add(new Route(method, path, written));
                previous = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            }
        }
        return routes;
    }

    private List<String> backticked() {
        List<String> tokens = new ArrayList<>();
        Matcher m = BACKTICKED.matcher(text);
        while (m.find()) {
            tokens.add(m.group(1).trim());
        }
        return tokens;
    }

    private String codeBlockAfter(String heading) {
        int at = text.indexOf(heading);
        int open = text.indexOf("```", at);
        int body = text.indexOf('\n', open) + 1;
        int close = text.indexOf("```", body);
        if (at < 0 || open < 0 || close < 0) {
            throw new IllegalStateException("no code block after " + heading);
        }
        return text.substring(body, close);
    }

    /** A concrete request for the table's routes that end in "...": method and path. */
    public static final Map<String, String> EXAMPLE_PATHS = Map.of(
            "/sandbox/vipps/...", "POST /sandbox/vipps/accesstoken/get",
            "/sandbox/make/subscribers...", "POST /sandbox/make/subscribers/by_email");
}
