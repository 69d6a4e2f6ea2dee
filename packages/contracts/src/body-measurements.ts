/**
 * Height and weight as buyers write them when they ask for a size: "165/50", "身高165 体重100斤", "163cm 50kg",
 * "1米65 110斤", "1.7m 65公斤". The workbench reads the buyer's latest messages with it to pre-fill the 尺码助手.
 */
export interface BodyMeasurements {
  /** Height in cm, when the text gives one. */
  heightCm?: number;
  /** Weight in kg (斤 are halved), when the text gives one. */
  weightKg?: number;
}

const HEIGHT_CM = [130, 200] as const;
// A weight without a unit is kg or 斤 (half a kg, what most Chinese buyers count in): whichever gives a plausible
// body for the height (BMI 16–32); without a height, numbers above 80 are read as 斤.
const PLAUSIBLE_BMI = [16, 32] as const;
const UNITLESS_JIN_ABOVE = 80;

/** Full-width digits and punctuation (１６５／５０) as their ASCII forms. */
function normalise(text: string): string {
  return text.replace(/[０-９．／]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).toLowerCase();
}

const inRange = (value: number, [min, max]: readonly [number, number]) => value >= min && value <= max;

function heightOf(text: string): number | undefined {
  const metres = /(?<![\d.])([12]\.\d{1,2})\s*(?:m|米)(?![a-z\d])/.exec(text); // 1.65m, 1.7米
  if (metres) return Math.round(Number(metres[1]) * 100);
  const metreAnd = /(?<!\d)1\s*米\s*(\d{1,2})(?!\d)/.exec(text); // 1米65, 1米6
  if (metreAnd) return 100 + Number(metreAnd[1]!.length === 1 ? `${metreAnd[1]}0` : metreAnd[1]);
  const cm = /(?<![\d.])(\d{3}(?:\.\d)?)\s*(?:cm|厘米|公分)/.exec(text);
  if (cm) return Number(cm[1]);
  const said = /身高\D{0,3}?(\d{3}(?:\.\d)?)(?![\d.])/.exec(text);
  if (said) return Number(said[1]);
  return undefined;
}

/** The weight with its unit as written: kg, 斤 or none (decided later with the height). */
function rawWeightOf(text: string): { value: number; unit: 'kg' | 'jin' | null } | undefined {
  const kg = /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*(?:kg|公斤|千克)/.exec(text);
  if (kg) return { value: Number(kg[1]), unit: 'kg' };
  const jin = /(?<![\d.])(\d{2,3}(?:\.\d)?)\s*斤/.exec(text);
  if (jin) return { value: Number(jin[1]), unit: 'jin' };
  const said = /体重\D{0,3}?(\d{2,3}(?:\.\d)?)(?![\d.])/.exec(text);
  if (said) return { value: Number(said[1]), unit: null };
  return undefined;
}

function unitlessWeightKg(value: number, heightCm: number | undefined): number {
  if (!heightCm) return value > UNITLESS_JIN_ABOVE ? value / 2 : value;
  const bmi = (kg: number) => kg / (heightCm / 100) ** 2;
  if (inRange(bmi(value), PLAUSIBLE_BMI)) return value;
  if (inRange(bmi(value / 2), PLAUSIBLE_BMI)) return value / 2;
  return value;
}

/** The height (cm) and weight (kg) a buyer's message gives; empty when it gives neither. */
export function parseBodyMeasurements(message: string): BodyMeasurements {
  const text = normalise(message);
  let heightCm = heightOf(text);
  let weight = rawWeightOf(text);
  // "165/50", "160/100斤": height then weight.
  const pair = /(?<![\d.])(\d{3})\s*[/／,，、\s]\s*(\d{2,3}(?:\.\d)?)\s*(kg|公斤|千克|斤)?(?![\d.])/.exec(text);
  if (pair && inRange(Number(pair[1]), HEIGHT_CM)) {
    heightCm ??= Number(pair[1]);
    const unit = pair[3] ? (pair[3] === '斤' ? 'jin' : 'kg') : null;
    weight ??= { value: Number(pair[2]), unit };
  }
  const result: BodyMeasurements = {};
  if (heightCm !== undefined && inRange(heightCm, HEIGHT_CM)) result.heightCm = heightCm;
  if (weight) {
    const kg =
      weight.unit === 'kg'
        ? weight.value
        : weight.unit === 'jin'
          ? weight.value / 2
          : unitlessWeightKg(weight.value, result.heightCm);
    if (kg >= 20 && kg <= 200) result.weightKg = Math.round(kg * 10) / 10;
  }
  return result;
}
