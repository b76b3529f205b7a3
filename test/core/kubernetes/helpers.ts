// Shared fixtures of the Kubernetes rules' tests (beside each rule: server/src/core/rules/kubernetes/<id>.test.ts).
import { Analyzer } from '../../../server/src/core/engine';
import { createRegistry } from '../../../server/src/core/rules';
import type { Finding } from '../../../server/src/core/types';

export const GOOD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels: {app: web}
spec:
  replicas: 3
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
    spec:
      restartPolicy: Always
      containers:
        - name: app
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 8080
              protocol: TCP
          resources:
            limits: {cpu: 500m, memory: 512Mi}
`;

export function k8s(findings: Finding[]): Finding[] {
  return findings.filter((f) => SCHEMA_RULES.includes(f.rule));
}

export const SCHEMA_RULES = ['unknown-kind', 'schema-required', 'schema-type', 'schema-enum', 'schema-unknown-field', 'deprecated-api', 'removed-api'];

export const DEPLOY_V1BETA1 = `apiVersion: extensions/v1beta1
kind: Deployment
metadata:
  name: web
spec:
  template:
    metadata:
      labels: {app: web}
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

export function analyzer(): Analyzer {
  return new Analyzer(createRegistry(), (rule, _p, e) => {
    throw new Error(`rule ${rule} threw: ${String(e)}`);
  });
}

/**
 * The smallest valid Deployment the rule tests beside the Kubernetes rules start from (cases are
 * written as `WEB.replace(line, line)` or `WEB + more`, so each shows only what it changes).
 */
export const WEB_DEPLOYMENT_MIN = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: app
          image: nginx:1.27
`;

/** WEB_DEPLOYMENT_MIN with `imagePullPolicy: IfNotPresent` (the schema rule tests' passing case). */
export const WEB_DEPLOYMENT_PULL = WEB_DEPLOYMENT_MIN + '          imagePullPolicy: IfNotPresent\n';
