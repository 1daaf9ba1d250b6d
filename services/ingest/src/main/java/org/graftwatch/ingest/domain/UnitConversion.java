package org.graftwatch.ingest.domain;

import java.io.InputStream;
import java.math.BigDecimal;
import org.fhir.ucum.Decimal;
import org.fhir.ucum.UcumEssenceService;
import org.fhir.ucum.UcumException;
import org.fhir.ucum.UcumService;
import java.util.Map;
import org.graftwatch.contract.Analyte;

/**
 * Brings a quantity into its analyte's canonical unit with the UCUM library. Where a substance is reported as a
 * mass concentration on one side and an amount-of-substance concentration on the other (bilirubin, creatinine,
 * lactate), the molar mass from the {@link AnalyteTable} joins the two: the value is multiplied by g/mol (or
 * divided by it) and UCUM converts the resulting unit, so no conversion factor is ever written by hand.
 * Temperatures on interval scales (Cel, [degF]) are UCUM special units, which {@link UcumService#convert} does not
 * handle: they are shifted by the zero point of their UCUM definition onto the matching absolute scale (K, [degR]),
 * converted there by UCUM, and shifted back.
 */
public final class UnitConversion {
    private static final int WORKING_PRECISION = 20;
    private final UcumService ucum;
    private final AnalyteTable table;
    /**
     * Interval-scale temperature units: the absolute unit of the same degree size and the absolute temperature of
     * the scale's zero, as UCUM's special functions Cel (K − 273.15) and degF (°R − 459.67) define them.
     */
    private static final Map<String, ZeroPoint> INTERVAL_SCALES = Map.of(
            "Cel", new ZeroPoint("K", "273.15"),
            "[degF]", new ZeroPoint("[degR]", "459.67"));

    private record ZeroPoint(String absoluteUnit, String zero) {
    }

    public UnitConversion(UcumService ucum, AnalyteTable table) {
        this.ucum = ucum;
        this.table = table;
    }

    /** The UCUM essence shipped with the library. */
    public static UcumService standardUcum() {
        try (InputStream essence = UcumEssenceService.class.getClassLoader().getResourceAsStream("ucum-essence.xml")) {
            if (essence == null) {
                throw new IllegalStateException("ucum-essence.xml is missing from the classpath");
            }
            return new UcumEssenceService(essence);
        } catch (UcumException | java.io.IOException e) {
            throw new IllegalStateException("cannot load the UCUM essence", e);
        }
    }

    /** A value in the canonical unit, or why there is none. */
    public record Converted(Double value, String problem) {
        static Converted of(double value) {
            return new Converted(value, null);
        }

        static Converted rejected(String problem) {
            return new Converted(null, problem);
        }

        public boolean isConverted() {
            return problem == null;
        }
    }

    public Converted toCanonical(Analyte analyte, BigDecimal value, String unit) {
        String canonical = analyte.canonicalUnit();
        if (unit.equals(canonical)) {
            return Converted.of(value.doubleValue());
        }
        String invalid = ucum.validate(unit);
        if (invalid != null) {
            return Converted.rejected("unit " + unit + " is not a valid UCUM unit (" + invalid + ")");
        }
        try {
            // UCUM's Decimal tracks significant figures; converting at the sender's precision would round 100.4 [degF]
            // to 37.95 Cel, so compute at a working precision and leave rounding to the reader.
            Decimal amount = new Decimal(value.toPlainString(), WORKING_PRECISION);
            if (INTERVAL_SCALES.containsKey(unit) || INTERVAL_SCALES.containsKey(canonical)) {
                return Converted.of(asDouble(convertIntervalScale(amount, unit, canonical)));
            }
            if (ucum.isComparable(unit, canonical)) {
                return Converted.of(asDouble(ucum.convert(amount, unit, canonical)));
            }
            Double molarMass = table.profile(analyte).map(AnalyteProfile::molarMass).orElse(null);
            if (molarMass != null) {
                Decimal grams = new Decimal(BigDecimal.valueOf(molarMass).toPlainString(), WORKING_PRECISION);
                String amountToMass = "(" + unit + ").g/mol";
                if (ucum.isComparable(amountToMass, canonical)) {
                    return Converted.of(asDouble(ucum.convert(amount.multiply(grams), amountToMass, canonical)));
                }
                String massToAmount = "(" + unit + ").mol/g";
                if (ucum.isComparable(massToAmount, canonical)) {
                    return Converted.of(asDouble(ucum.convert(amount.divide(grams), massToAmount, canonical)));
                }
            }
            return Converted.rejected("unit " + unit + " cannot be converted to " + canonical + ", the unit of " + analyte.display());
        } catch (UcumException | RuntimeException e) {
            return Converted.rejected("unit " + unit + " cannot be converted to " + canonical + ": " + e.getMessage());
        }
    }

    private Decimal convertIntervalScale(Decimal amount, String unit, String canonical) throws UcumException {
        ZeroPoint from = INTERVAL_SCALES.get(unit);
        ZeroPoint to = INTERVAL_SCALES.get(canonical);
        Decimal absolute = from == null ? amount : amount.add(new Decimal(from.zero(), WORKING_PRECISION));
        String absoluteUnit = from == null ? unit : from.absoluteUnit();
        String targetUnit = to == null ? canonical : to.absoluteUnit();
        if (!ucum.isComparable(absoluteUnit, targetUnit)) {
            throw new UcumException("not a temperature");
        }
        Decimal converted = ucum.convert(absolute, absoluteUnit, targetUnit);
        return to == null ? converted : converted.subtract(new Decimal(to.zero(), WORKING_PRECISION));
    }

    private static double asDouble(Decimal decimal) {
        return Double.parseDouble(decimal.asDecimal());
    }
}
