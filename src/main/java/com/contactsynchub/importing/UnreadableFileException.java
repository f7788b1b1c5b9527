package com.contactsynchub.importing;

/**
 * The file as a whole cannot be imported (not text, empty, no usable header, broken CSV quoting): it goes to the
 * error folder with this message as the reason, and nothing of it is applied.
 */
public class UnreadableFileException extends RuntimeException {

    public UnreadableFileException(String reason) {
        super(reason);
    }

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
