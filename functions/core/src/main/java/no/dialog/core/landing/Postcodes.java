package no.dialog.core.landing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Norwegian postcodes to places, from {@code landing/postcodes.tsv} on the classpath (postcode, tab,
 * place). The file shipped holds a sample of the larger places only; Bring's full register
 * ("Postnummerregister", about 5,000 rows, updated monthly) belongs there in production. A postcode not
 * in the file is accepted when it has four digits, and the person's own place name is used.
 */
public final class Postcodes {

    private final Map<String, String> places;

    public Postcodes(Map<String, String> places) {
        this.places = Map.copyOf(places);
    }

    /** The shipped file. */
    public static Postcodes bundled() {
        Map<String, String> places = new HashMap<>();
        try (InputStream in = Postcodes.class.getResourceAsStream("/landing/postcodes.tsv")) {
            if (in == null) {
                return new Postcodes(places);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = reader.readLine()) != null) {
                int tab = line.indexOf('\t');
                if (tab == 4 && !line.startsWith("#")) {
                    places.put(line.substring(0, 4), line.substring(5).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Postcodes(places);
    }

    public static boolean isPostcode(String value) {
        return value != null && value.matches("[0-9]{4}");
    }

    public Optional<String> place(String postcode) {
        return Optional.ofNullable(places.get(postcode));
    }
}
