// DescribeRegions: the emulator is one local region, reached at its own endpoint.
import type { RequestContext } from '../product';
import { rpcErrors } from '../transport/errors';
import type { FnfContext } from './context';
import type { FnfParams, FnfHandlers } from './params';

export const LOCAL_REGION_ID = 'local';

export function describeRegions(_ctx: FnfContext, p: FnfParams<'DescribeRegions'>, rc: RequestContext): unknown {
  const language = p.AcceptLanguage || 'en-US';
  if (language !== 'zh-CN' && language !== 'en-US') {
    throw rpcErrors.invalidArgument(`AcceptLanguage must be zh-CN or en-US, got '${language}'.`);
  }
  return {
    Regions: {
      Region: [
        {
          RegionId: LOCAL_REGION_ID,
          RegionEndpoint: new URL(rc.endpoint).host,
          LocalName: language === 'zh-CN' ? '本地模拟器' : 'Local emulator',
        },
      ],
    },
  };
}

/** The operations this file serves (the table's keys; the product registers them all). */
export const regionHandlers = {
  DescribeRegions: describeRegions,
} satisfies Partial<FnfHandlers>;
