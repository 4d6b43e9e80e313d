package org.hhw.warehouse.lake;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.apache.parquet.schema.Types;

/**
 * Writes {@code Object[]} rows straight to the record consumer. Going through the example
 * {@code Group} model would allocate a group and a value object per cell; this keeps the write
 * path to one cast and one primitive call per value.
 */
final class RowWriteSupport extends WriteSupport<Object[]> {

    private static final BigInteger DECIMAL_18_LIMIT = BigInteger.TEN.pow(18);

    private final MessageType schema;
    private final String[] names;
    private final LakeType[] types;
    private final long[] primitives;
    private RecordConsumer consumer;
    private byte[] utf8 = new byte[256];

    RowWriteSupport(List<LakeColumn> columns) {
        this.names = new String[columns.size()];
        this.types = new LakeType[columns.size()];
        this.primitives = new long[columns.size()];
        Types.MessageTypeBuilder builder = Types.buildMessage();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < names.length; i++) {
            LakeColumn column = columns.get(i);
            if (!seen.add(column.name())) {
                throw new IllegalArgumentException("Lake column " + column.name() + " appears twice");
            }
            names[i] = column.name();
            types[i] = column.type();
            builder.addField(parquetType(column));
        }
        this.schema = builder.named("lake_row");
    }

    MessageType schema() {
        return schema;
    }

    private static Type parquetType(LakeColumn column) {
        var optional = Types.optional(
                switch (column.type()) {
                    case TEXT -> PrimitiveTypeName.BINARY;
                    case INT, DATE -> PrimitiveTypeName.INT32;
                    case BIGINT, DECIMAL_18_2, DECIMAL_18_6, TIMESTAMP -> PrimitiveTypeName.INT64;
                    case BOOLEAN -> PrimitiveTypeName.BOOLEAN;
                });
        LogicalTypeAnnotation logical = switch (column.type()) {
            case TEXT -> LogicalTypeAnnotation.stringType();
            case DATE -> LogicalTypeAnnotation.dateType();
            case DECIMAL_18_2 -> LogicalTypeAnnotation.decimalType(2, 18);
            case DECIMAL_18_6 -> LogicalTypeAnnotation.decimalType(6, 18);
            // Not adjusted to UTC: the values are local wall-clock times, and DuckDB then reads
            // TIMESTAMP rather than TIMESTAMP WITH TIME ZONE.
            case TIMESTAMP -> LogicalTypeAnnotation.timestampType(false, LogicalTypeAnnotation.TimeUnit.MICROS);
            case INT, BIGINT, BOOLEAN -> null;
        };
        return optional.as(logical).named(column.name());
    }

    /** Abstract in WriteSupport although deprecated, so it must be implemented; never called here. */
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, Map.of());
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.consumer = recordConsumer;
    }

    /**
     * Checks and converts every value of the row that {@link #write} is called with next. Kept
     * apart from {@code write} so a bad value throws before a record is started: the part file
     * stays usable and the caller may go on with the next row.
     *
     * @throws IllegalArgumentException when the count or a value's type does not fit the columns
     */
    void prepare(Object[] values) {
        if (values.length != types.length) {
            throw new IllegalArgumentException(
                    "A lake row has " + types.length + " columns, got " + values.length + " values");
        }
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null) {
                primitives[i] = toPrimitive(i, values[i]);
            }
        }
    }

    /** Writes the row last given to {@link #prepare}. */
    @Override
    public void write(Object[] values) {
        consumer.startMessage();
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value != null) {
                consumer.startField(names[i], i);
                switch (types[i]) {
                    case TEXT -> consumer.addBinary(utf8((String) value));
                    case INT, DATE -> consumer.addInteger((int) primitives[i]);
                    case BIGINT, DECIMAL_18_2, DECIMAL_18_6, TIMESTAMP -> consumer.addLong(primitives[i]);
                    case BOOLEAN -> consumer.addBoolean((Boolean) value);
                }
                consumer.endField(names[i], i);
            }
        }
        consumer.endMessage();
    }

    /**
     * The text as UTF-8, in a buffer reused for every value: {@code Binary.fromString} allocated two
     * arrays per value (a worst-case one, then the exact copy), the largest single cost of writing
     * a part. Parquet copies the bytes before the next value (a reused binary says so), and a lone
     * surrogate becomes {@code ?}, as {@code String.getBytes} makes it.
     */
    Binary utf8(String text) {
        int length = text.length();
        if (utf8.length < length * 3) {
            utf8 = new byte[Math.max(length * 3, utf8.length * 2)];
        }
        byte[] out = utf8;
        int at = 0;
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                out[at++] = (byte) c;
            } else if (c < 0x800) {
                out[at++] = (byte) (0xC0 | c >> 6);
                out[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                int code = Character.toCodePoint(c, text.charAt(++i));
                out[at++] = (byte) (0xF0 | code >> 18);
                out[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                out[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | code & 0x3F);
            } else if (Character.isSurrogate(c)) {
                out[at++] = '?';
            } else {
                out[at++] = (byte) (0xE0 | c >> 12);
                out[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                out[at++] = (byte) (0x80 | c & 0x3F);
            }
        }
        return Binary.fromReusedByteArray(out, 0, at);
    }

    /** The value as its Parquet integer (0 for TEXT and BOOLEAN, which are written as they are). */
    private long toPrimitive(int column, Object value) {
        try {
            return switch (types[column]) {
                case TEXT -> {
                    if (value instanceof String) {
                        yield 0;
                    }
                    throw mismatch(column, value, null);
                }
                case BOOLEAN -> {
                    if (value instanceof Boolean) {
                        yield 0;
                    }
                    throw mismatch(column, value, null);
                }
                case INT -> (Integer) value;
                case BIGINT -> (Long) value;
                case DATE -> Math.toIntExact(((LocalDate) value).toEpochDay());
                case DECIMAL_18_2 -> unscaled((BigDecimal) value, 2);
                case DECIMAL_18_6 -> unscaled((BigDecimal) value, 6);
                case TIMESTAMP -> epochMicros((LocalDateTime) value);
            };
        } catch (ClassCastException | ArithmeticException e) {
            throw mismatch(column, value, e);
        }
    }

    private IllegalArgumentException mismatch(int column, Object value, RuntimeException cause) {
        return new IllegalArgumentException(
                "Column " + names[column] + " (" + types[column] + ") cannot hold "
                        + value.getClass().getSimpleName() + " " + value,
                cause);
    }

    /** Refuses to round: a value with more decimals than its column is a bug upstream, not a rounding case. */
    private static long unscaled(BigDecimal value, int scale) {
        BigInteger unscaled = value.setScale(scale, RoundingMode.UNNECESSARY).unscaledValue();
        if (unscaled.abs().compareTo(DECIMAL_18_LIMIT) >= 0) {
            throw new ArithmeticException("more than 18 digits");
        }
        return unscaled.longValue();
    }

    private static long epochMicros(LocalDateTime value) {
        return Math.addExact(
                Math.multiplyExact(value.toEpochSecond(ZoneOffset.UTC), 1_000_000L), value.getNano() / 1_000);
    }
}
