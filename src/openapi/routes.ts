import { INestApplication, Type } from '@nestjs/common';
import { GUARDS_METADATA, INTERCEPTORS_METADATA, METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { NestContainer } from '@nestjs/core';
import { IS_PUBLIC, ROLES_KEY } from '../common/auth/auth.decorators';
import { Role } from '../common/auth/role';

/** What the code says about one route, beside what the swagger scanner puts in the document. */
export interface RouteFacts {
  operationId: string;
  controller: Type<unknown>;
  handler: string;
  isPublic: boolean;
  /** The roles allowed besides admin; undefined = every staff role. */
  roles?: readonly Role[];
  /** Behind a rate limit (ThrottlerGuard on the route or its controller). */
  throttled: boolean;
  /** The classes the validation pipe checks the body and the query against, when they are classes. */
  bodyType?: Type<unknown>;
  queryType?: Type<unknown>;
}

/** The one naming of operations: `<Controller without the suffix>_<method>`, e.g. `Lifecycle_route`. */
export function operationIdOf(controllerKey: string, methodKey: string): string {
  return `${controllerKey.replace(/Controller$/, '')}_${methodKey}`;
}

/**
 * Every HTTP route of the app with the facts the document's completion needs (public or not, roles,
 * rate limit, body and query classes), read from the same decorators the guards and pipes obey. Works
 * on an app created with `preview: true` (no provider instantiated): it reads the module container,
 * as the swagger scanner does.
 */
export function collectRoutes(app: INestApplication): Map<string, RouteFacts> {
  const container = (app as unknown as { container: NestContainer }).container;
  const routes = new Map<string, RouteFacts>();
  for (const module of container.getModules().values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as Type<unknown> | null;
      if (!controller || !Reflect.hasMetadata(PATH_METADATA, controller)) continue;
      for (const handler of Object.getOwnPropertyNames(controller.prototype)) {
        const method = controller.prototype[handler] as unknown;
        if (handler === 'constructor' || typeof method !== 'function' || !Reflect.hasMetadata(METHOD_METADATA, method)) continue;
        routes.set(operationIdOf(controller.name, handler), factsOf(controller, handler, method));
      }
    }
  }
  return routes;
}

function factsOf(controller: Type<unknown>, handler: string, method: object): RouteFacts {
  const read = <T>(key: string): T | undefined => (Reflect.getMetadata(key, method) as T | undefined) ?? (Reflect.getMetadata(key, controller) as T | undefined);
  const both = (key: string): unknown[] => [...((Reflect.getMetadata(key, controller) as unknown[]) ?? []), ...((Reflect.getMetadata(key, method) as unknown[]) ?? [])];
  const guards = both(GUARDS_METADATA);
  const interceptors = both(INTERCEPTORS_METADATA);
  const paramTypes = (Reflect.getMetadata('design:paramtypes', controller.prototype, handler) as Type<unknown>[] | undefined) ?? [];
  const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controller, handler) as Record<string, { index: number; data?: unknown }> | undefined) ?? {};
  const argType = (kind: RouteParamtypes): Type<unknown> | undefined => {
    const entry = Object.entries(args).find(([key, value]) => key.split(':')[0] === String(kind) && value.data === undefined);
    const type = entry ? paramTypes[entry[1].index] : undefined;
    return type && ![String, Number, Boolean, Object, Array].includes(type as never) ? type : undefined;
  };
  return {
    operationId: operationIdOf(controller.name, handler),
    controller,
    handler,
    isPublic: read<boolean>(IS_PUBLIC) === true,
    roles: read<Role[]>(ROLES_KEY),
    throttled:
      guards.some((g) => (typeof g === 'function' ? g.name : (g as object)?.constructor?.name) === 'ThrottlerGuard') ||
      interceptors.some((i) => typeof i === 'function' && (i as { answersRateLimited?: boolean }).answersRateLimited === true),
    bodyType: argType(RouteParamtypes.BODY),
    queryType: argType(RouteParamtypes.QUERY),
  };
}
