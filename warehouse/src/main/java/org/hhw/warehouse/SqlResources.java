package org.hhw.warehouse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Lists the files of a folder under {@code /sql} ({@code .sql} unless told), from the classpath or a jar, by name. */
final class SqlResources {

    private SqlResources() {}

    static List<String> list(String folder) {
        return list(folder, ".sql");
    }

    static List<String> list(String folder, String extension) {
        URL url = SqlResources.class.getResource("/sql/" + folder);
        if (url == null) {
            return List.of();
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return names(fs.provider().getPath(uri), folder, extension);
            }
            return names(Path.of(uri), folder, extension);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> names(Path dir, String folder, String extension) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(extension))
                    .sorted()
                    .map(n -> folder + "/" + n)
                    .toList();
        }
    }
}
