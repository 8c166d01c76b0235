package no.dialog.local.lambda.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Comparator;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Unzips deployment packages the way Lambda does before it starts a runtime: the jar's entries become the
 * task root ({@code /var/task} in AWS), the runtime's working directory, from which the Runtime Interface
 * Client loads the handler. One folder per distinct jar content, reused while the jar is unchanged.
 */
public final class TaskRoots {

    private final Path folder;

    public TaskRoots(Path folder) {
        this.folder = folder;
    }

    /** The default place: under the system's temporary folder. */
    public static TaskRoots inTemporaryFolder() {
        return new TaskRoots(Path.of(System.getProperty("java.io.tmpdir"), "dialog-lambda-tasks"));
    }

    /** The task root of this jar, unzipped on first use. */
    public synchronized Path of(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the deployment package " + jar + " does not exist: build it with "
                    + "`mvn package` (infra/local/run does)");
        }
        String name = jar.getFileName().toString().replaceFirst("\\.jar$", "");
        Path root = folder.resolve(name + "-" + digest(jar));
        if (Files.isDirectory(root)) {
            return root;
        }
        try {
            Files.createDirectories(folder);
            Path partial = Files.createTempDirectory(folder, name + "-unzipping-");
            unzip(jar, partial);
            try {
                Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | java.nio.file.DirectoryNotEmptyException raced) {
                delete(partial); // another local stack unzipped the same jar meanwhile
            }
            return root;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot unzip " + jar, e);
        }
    }

    private static void unzip(Path jar, Path into) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(jar))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                Path target = into.resolve(entry.getName()).normalize();
                if (!target.startsWith(into)) {
                    throw new IOException("entry outside the task root: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static String digest(Path jar) {
        try (InputStream in = new DigestInputStream(Files.newInputStream(jar), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest(), 0, 8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path tree) throws IOException {
        try (Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
