package org.hhw.warehouse;

/** The warehouse could not do what was asked; the message says what and why. */
public class WarehouseException extends RuntimeException {

    public WarehouseException(String message, Throwable cause) {
        super(message, cause);
    }
}
