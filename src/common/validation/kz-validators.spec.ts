import { plainToInstance } from 'class-transformer';
import { IsOptional, validate } from 'class-validator';
import { IsBin, IsIin, IsKzPhone, NormalizeKzPhone } from './kz-validators';

class ApplicantDto {
  @IsIin()
  iin: string;

  @IsOptional()
  @IsBin()
  bin?: string;

  @NormalizeKzPhone()
  @IsKzPhone()
  phone: string;

  @IsOptional()
  @NormalizeKzPhone()
  @IsKzPhone({ each: true })
  otherPhones?: string[];
}

class CustomMessageDto {
  @IsIin({ message: 'ИИН указан неверно' })
  iin: string;
}

const valid = { iin: '921029350851', bin: '940140000385', phone: '8 (701) 123-45-67' };

async function check(plain: Record<string, unknown>) {
  const dto = plainToInstance(ApplicantDto, plain);
  const errors = await validate(dto);
  const messages = Object.fromEntries(errors.map((e) => [e.property, Object.values(e.constraints ?? {})]));
  return { dto, messages };
}

describe('IIN/BIN/phone decorators', () => {
  it('accepts a valid DTO and normalises phones to E.164', async () => {
    const { dto, messages } = await check({ ...valid, otherPhones: ['+7 777 000 00 01', '7272500000'] });
    expect(messages).toEqual({});
    expect(dto.phone).toBe('+77011234567');
    expect(dto.otherPhones).toEqual(['+77770000001', '+77272500000']);
  });

  it.each([
    ['iin', '92102935085', 'iin must be a valid 12-digit IIN (expected exactly 12 digits)'],
    ['iin', 921029350851, 'iin must be a valid 12-digit IIN (expected exactly 12 digits)'],
    ['iin', '921329350851', 'iin must be a valid 12-digit IIN (digits 1-6 are not a valid birth date YYMMDD for the century digit (7th))'],
    ['iin', '921029350852', 'iin must be a valid 12-digit IIN (checksum failed)'],
    ['iin', ['921029350851'], 'iin must be a valid 12-digit IIN (expected exactly 12 digits)'],
    ['bin', '9401400003', 'bin must be a valid 12-digit BIN (expected exactly 12 digits)'],
    ['bin', '941340000385', 'bin must be a valid 12-digit BIN (digits 3-4 must be a registration month 01-12)'],
    ['bin', '940170000385', 'bin must be a valid 12-digit BIN (5th digit must be the entity type 4, 5 or 6)'],
    ['bin', '940147000385', 'bin must be a valid 12-digit BIN (6th digit must be the attribute 0, 1, 2 or 3)'],
    ['bin', '940140000386', 'bin must be a valid 12-digit BIN (checksum failed)'],
    ['phone', '+7 701 123', 'phone must be a Kazakh phone number (expected a number like +7 701 123 45 67)'],
    ['phone', '+7 916 123 45 67', 'phone must be a Kazakh phone number (not a Kazakh number; +7 3xx-5xx, 8xx and 9xx are Russian)'],
  ])('%s = %p → %s', async (property, value, message) => {
    const { messages } = await check({ ...valid, [property]: value });
    expect(messages).toEqual({ [property]: [message] });
  });

  it('leaves an invalid phone untouched so the error refers to what the user typed', async () => {
    const { dto } = await check({ ...valid, phone: '+7 916 123 45 67' });
    expect(dto.phone).toBe('+7 916 123 45 67');
  });

  it('explains the failing item of an array with { each: true }', async () => {
    const { messages } = await check({ ...valid, otherPhones: ['+77011234567', '+7 495 123 45 67'] });
    expect(messages).toEqual({
      otherPhones: ['each value in otherPhones must be a Kazakh phone number (not a Kazakh number; +7 3xx-5xx, 8xx and 9xx are Russian)'],
    });
  });

  it('reports a missing required IIN', async () => {
    const { messages } = await check({ bin: valid.bin, phone: valid.phone });
    expect(messages.iin).toEqual(['iin must be a valid 12-digit IIN (expected exactly 12 digits)']);
  });

  it('honours a custom message', async () => {
    const errors = await validate(plainToInstance(CustomMessageDto, { iin: '921029350852' }));
    expect(errors[0].constraints).toEqual({ isIin: 'ИИН указан неверно' });
  });
});
