package no.dialog.core.template;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.AbstractExtension;
import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.extension.NodeVisitorFactory;
import io.pebbletemplates.pebble.loader.StringLoader;
import io.pebbletemplates.pebble.template.PebbleTemplate;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Compiles template sources with one strictly configured Pebble engine and keeps the compiled ones in a
 * bounded LRU cache keyed by the SHA-256 of the source. The key holds no tenant: a compiled template
 * carries no data, so two tenants with the same text may share it.
 *
 * <p>The engine: strict variables (a misspelt field fails instead of printing nothing), no autoescaping
 * (the channel escape filter does it per render), no method access at all, no template loading beyond
 * the source itself, a cap on the rendered size, and {@link TemplateChecker} refusing anything but
 * text, {@code {{ }}} and {@code {% if %}}.
 */
final class TemplateCompiler {

    static final int DEFAULT_CACHE_SIZE = 512;
    static final int MAX_RENDERED_CHARS = 200_000;
    static final Locale NORWEGIAN = Locale.forLanguageTag("nb-NO");

    private static final TemplateCompiler SHARED = new TemplateCompiler(DEFAULT_CACHE_SIZE);

    /** A template that compiled, or the reasons it did not (each safe to show staff and to log). */
    record Compilation(CompiledTemplate template, List<String> problems) {
        boolean ok() {
            return template != null;
        }
    }

    private final PebbleEngine engine;
    private final Map<String, CompiledTemplate> cache;

    TemplateCompiler(int cacheSize) {
        if (cacheSize < 1) {
            throw new IllegalArgumentException("cacheSize must be at least 1");
        }
        this.engine = new PebbleEngine.Builder()
                .loader(new StringLoader())
                .strictVariables(true)
                .autoEscaping(false)
                .cacheActive(false)
                .methodAccessValidator((object, method) -> false)
                // What staff type is what is sent: Pebble would otherwise drop the line break after a tag.
                .newLineTrimming(false)
                .maxRenderedSize(MAX_RENDERED_CHARS)
                .defaultLocale(NORWEGIAN)
                .extension(new DialogExtension())
                .build();
        this.cache = new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, CompiledTemplate> eldest) {
                return size() > cacheSize;
            }
        };
    }

    static TemplateCompiler shared() {
        return SHARED;
    }

    Compilation compile(String source) {
        String key = sha256(source);
        synchronized (cache) {
            CompiledTemplate cached = cache.get(key);
            if (cached != null) {
                return new Compilation(cached, List.of());
            }
        }
        Compilation compilation = compileUncached(source);
        if (compilation.ok()) {
            synchronized (cache) {
                cache.put(key, compilation.template());
            }
        }
        return compilation;
    }

    int cachedCount() {
        synchronized (cache) {
            return cache.size();
        }
    }

    private Compilation compileUncached(String source) {
        Set<String> fields = new LinkedHashSet<>();
        TemplateChecker.FIELDS_USED.set(fields);
        try {
            PebbleTemplate template = engine.getLiteralTemplate(source);
            return new Compilation(new CompiledTemplate(template, fields), List.of());
        } catch (TemplateChecker.Refused refused) {
            return new Compilation(null, refused.reasons());
        } catch (PebbleException e) {
            return new Compilation(null, List.of(syntaxProblem(e)));
        } finally {
            TemplateChecker.FIELDS_USED.remove();
        }
    }

    // Pebble's full message names the "file", which for a literal template is the whole source: use only
    // its own message and line. The message speaks of template syntax, never of a person's data.
    private static String syntaxProblem(PebbleException e) {
        String message = e.getPebbleMessage() == null ? "invalid template" : e.getPebbleMessage();
        // The lexer reports the end of the source as the character NUL.
        message = message.replace("\u0000", "end of template").replaceAll("\\p{Cntrl}", "?");
        message = message.lines().findFirst().orElse("").strip();
        if (message.length() > 160) {
            message = message.substring(0, 160) + "…";
        }
        Integer line = e.getLineNumber();
        return "does not compile: " + message + (line != null && line > 0 ? " (line " + line + ")" : "");
    }

    private static String sha256(String source) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(source.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }

    /** The escape filter and the checker, plugged into the engine. */
    private static final class DialogExtension extends AbstractExtension {
        @Override
        public Map<String, Filter> getFilters() {
            return Map.of(ChannelEscapeFilter.NAME, new ChannelEscapeFilter());
        }

        @Override
        public List<NodeVisitorFactory> getNodeVisitors() {
            return List.of(template -> new TemplateChecker((PebbleTemplateImpl) template));
        }
    }
}
