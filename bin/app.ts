import { App } from 'aws-cdk-lib';
import { app as definition } from '#app/definition.ts';
import { CommerceStack } from '#infra/commerce-stack.ts';
import { addNagPacks } from '#infra/nag/packs.ts';
import { stackName, stageFromContext } from '#infra/stage.ts';

const cdkApp = new App();
const stage = stageFromContext(cdkApp);
new CommerceStack(cdkApp, stackName(stage.name), { definition, stage });
addNagPacks(cdkApp);
