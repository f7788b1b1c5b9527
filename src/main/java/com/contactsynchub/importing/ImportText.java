package com.contactsynchub.importing;

import java.io.BufferedInputStream;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens an export as text the way business users produce it: UTF-8 with or without a byte order mark (Excel's
 * "CSV UTF-8" writes one), or UTF-16 with its byte order mark (Excel's "Unicode text"). Bytes that are not text in
 * that encoding, or NUL characters (a workbook, an image, a zip) make the file unreadable, reported with the line.
 */
public final class ImportText {

    private ImportText() {
    }

    /** The reader over the text after the byte order mark; it throws {@link UnreadableFileException} on binary data. */
    public static Reader open(InputStream raw) throws IOException {
        BufferedInputStream in = raw instanceof BufferedInputStream b ? b : new BufferedInputStream(raw, 65536);
        in.mark(4);
        int b0 = in.read();
        int b1 = in.read();
        int b2 = in.read();
        Charset charset = StandardCharsets.UTF_8;
        int skip;
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
            skip = 3;
        } else if (b0 == 0xFF && b1 == 0xFE) {
            charset = StandardCharsets.UTF_16LE;
            skip = 2;
        } else if (b0 == 0xFE && b1 == 0xFF) {
            charset = StandardCharsets.UTF_16BE;
            skip = 2;
        } else {
            skip = 0;
        }
        in.reset();
        in.skipNBytes(skip);
        var decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        return new CheckedReader(new InputStreamReader(in, decoder), charset);
    }

    /** Counts lines so that a problem can name the line it is on; refuses NUL characters and undecodable bytes. */
    private static final class CheckedReader extends FilterReader {

        private final Charset charset;
        private long line = 1;

        CheckedReader(Reader in, Charset charset) {
            super(in);
            this.charset = charset;
        }

        @Override
        public int read() throws IOException {
            char[] one = new char[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0];
        }

        @Override
        public int read(char[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, length);
            } catch (CharacterCodingException e) {
                // The decoder works ahead in blocks: the bad bytes are on this line or a later one.
                throw new UnreadableFileException("the file is not " + charset.displayName()
                        + " text (bytes that are no characters in that encoding, at or after line " + line
                        + "); save the file as UTF-8 text (Excel: \"CSV UTF-8\")");
            }
            for (int i = offset; i < offset + n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    line++;
                } else if (c == '\u0000') {
                    throw new UnreadableFileException("line " + line
                            + " contains binary data (a NUL character): this is not a text file");
                }
            }
            return n;
        }
    }
}
