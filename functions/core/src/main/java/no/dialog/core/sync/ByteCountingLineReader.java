package no.dialog.core.sync;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines and knows the byte offset after each one, which is what an import checkpoints:
 * a resumed import asks storage for the bytes from that offset on. Accepts LF and CRLF.
 */
final class ByteCountingLineReader implements AutoCloseable {

    /** One line: its text (null when it is not valid UTF-8) and the offset just after it. */
    record Line(String text, long endOffset) {}

    private static final int MAX_LINE_BYTES = 1 << 20;

    private final InputStream in;
    private long offset;
    private byte[] buffer = new byte[4096];

    ByteCountingLineReader(InputStream in, long startOffset) {
        this.in = new BufferedInputStream(in, 1 << 16);
        this.offset = startOffset;
    }

    /** The next line, or null at the end of the file. Lines longer than 1 MiB are cut (and then rejected). */
    Line next() throws IOException {
        int length = 0;
        int b;
        boolean any = false;
        while ((b = in.read()) != -1) {
            any = true;
            offset++;
            if (b == '\n') {
                break;
            }
            if (length < MAX_LINE_BYTES) {
                if (length == buffer.length) {
                    buffer = Arrays.copyOf(buffer, buffer.length * 2);
                }
                buffer[length++] = (byte) b;
            }
        }
        if (!any) {
            return null;
        }
        if (length > 0 && buffer[length - 1] == '\r') {
            length--;
        }
        return new Line(decode(length), offset);
    }

    private String decode(int length) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(buffer, 0, length))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
