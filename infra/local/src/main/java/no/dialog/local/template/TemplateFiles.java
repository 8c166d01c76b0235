package no.dialog.local.template;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the project's {@code template.yaml}, wherever inside the project the JVM was started. */
public final class TemplateFiles {

    public static final String TEMPLATE_FILE = "template.yaml";

    private TemplateFiles() {
    }

    /**
     * Walks up from {@code start} to the first folder holding {@value #TEMPLATE_FILE}. Maven runs tests in
     * the module folder ({@code infra/local}), the local stack may run from the root: both find the same file.
     */
    public static Path findUpwards(Path start) {
        for (Path folder = start.toAbsolutePath(); folder != null; folder = folder.getParent()) {
            Path candidate = folder.resolve(TEMPLATE_FILE);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new TemplateException("No " + TEMPLATE_FILE + " in " + start.toAbsolutePath() + " or any folder above it");
    }

    /** {@link #findUpwards(Path)} from the working directory. */
    public static Path findFromWorkingDirectory() {
        return findUpwards(Path.of(""));
    }
}
