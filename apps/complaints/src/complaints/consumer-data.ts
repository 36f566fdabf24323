import { Injectable } from '@nestjs/common';
import { maskConsumer, type ConsumerPii } from '#libs/domain';
import { PiiCipher } from '../pii/pii-cipher.js';
import type { ComplaintRow } from './complaint.entity.js';

/** Complainant personal data in and out of its encrypted columns. */
@Injectable()
export class ConsumerData {
  constructor(private readonly cipher: PiiCipher) {}

  seal(c: ConsumerPii): Pick<ComplaintRow, 'consumerNameEnc' | 'consumerPhoneEnc' | 'consumerIdNumberEnc' | 'consumerAddressEnc'> {
    return {
      consumerNameEnc: this.cipher.encrypt(c.name),
      consumerPhoneEnc: this.cipher.encrypt(c.phone),
      consumerIdNumberEnc: this.cipher.encryptOptional(c.idNumber),
      consumerAddressEnc: this.cipher.encryptOptional(c.address),
    };
  }

  open(row: ComplaintRow): ConsumerPii {
    return {
      name: this.cipher.decrypt(row.consumerNameEnc),
      phone: this.cipher.decrypt(row.consumerPhoneEnc),
      ...(row.consumerIdNumberEnc ? { idNumber: this.cipher.decrypt(row.consumerIdNumberEnc) } : {}),
      ...(row.consumerAddressEnc ? { address: this.cipher.decrypt(row.consumerAddressEnc) } : {}),
    };
  }

  masked(row: ComplaintRow): ConsumerPii {
    return maskConsumer(this.open(row));
  }
}
