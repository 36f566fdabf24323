import { IsInt, Max, Min } from 'class-validator';
import { ServiceConfig } from '#libs/config';

export class CreditConfig extends ServiceConfig {
  /**
   * "较低数额罚款" of 市场监督管理行政处罚信息公示规定: a fine strictly below this (yuan) with at
   * most a warning is a light penalty, published 3 months instead of 3 years. Set by the
   * province; 10,000 yuan until Jiangsu's figure is configured.
   */
  @IsInt()
  @Min(1)
  @Max(10_000_000)
  CREDIT_LIGHT_FINE_THRESHOLD_CNY = 10_000;
}
