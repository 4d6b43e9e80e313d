package org.hhw.schedules.demo;

/** A cell to write; a missing cell is {@code null}. */
sealed interface Cell {

    /** The cell as a csv export shows it. */
    String display();

    void writeTo(org.apache.poi.ss.usermodel.Cell target);

    static Cell text(String value) {
        return new Text(value);
    }

    static Cell number(double value) {
        return new Number(value);
    }

    record Text(String value) implements Cell {
        @Override
        public String display() {
            return value;
        }

        @Override
        public void writeTo(org.apache.poi.ss.usermodel.Cell target) {
            target.setCellValue(value);
        }
    }

    record Number(double value) implements Cell {
        @Override
        public String display() {
            return value == Math.rint(value) && Math.abs(value) < 1e15
                    ? Long.toString((long) value)
                    : Double.toString(value);
        }

        @Override
        public void writeTo(org.apache.poi.ss.usermodel.Cell target) {
            target.setCellValue(value);
        }
    }

    /** A formula with the value Excel cached for it: readers take the cache, never evaluate. */
    record Formula(String expression, double cached) implements Cell {
        @Override
        public String display() {
            return new Number(cached).display();
        }

        @Override
        public void writeTo(org.apache.poi.ss.usermodel.Cell target) {
            target.setCellFormula(expression);
            target.setCellValue(cached);
        }
    }
}
