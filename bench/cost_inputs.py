#!/usr/bin/env python3
"""Inputs that once made one pack or one file stall a whole run (docs: the notes on bounded
cost). Usage: cost_inputs.py KIND DIR; writes DIR/targets.kpi, DIR/actuals.csv and/or
DIR/pack.kpi for one of the kinds below."""
import os
import sys


def project(name, indicators, goal=None):
    out = [f'project "{name}" {{\n']
    if goal is not None:
        out.append(f'  goal "{goal}"\n')
    out.append('  产出指标 { 数量指标 {\n')
    out.extend(f'    "{n}" >= 2 次\n' for n in indicators)
    out.append('  } }\n}\n')
    return ''.join(out)


def write(d, name, text):
    with open(os.path.join(d, name), 'w', encoding='utf-8') as f:
        f.write(text)


def main(kind, d):
    os.makedirs(d, exist_ok=True)
    if kind == 'in-list':  # a 113 KB pack: `in` a list of 2,500 names, per indicator per indicator
        names = ', '.join(f'"名称{i:05d}"' for i in range(2500))
        rules = ''.join(f'  rule r{k} {{\n    severity info\n    each indicator\n'
                        f'    require count(indicators where coalesce(name, "") in [{names}]) == 0\n'
                        f'    message "{{name}}"\n  }}\n'
                        for k in range(3))
        write(d, 'pack.kpi', f'pack "in" {{\n{rules}}}\n')
        write(d, 'targets.kpi', ''.join(
            project(f'项目{p}', [f'指标{p}-{i}' for i in range(200)]) for p in range(10)))
    elif kind == 'regex':  # 9 regex rules on a 5 MB goal, on every indicator
        rules = ''.join(f'  rule m{k} {{\n    severity info\n    each indicator\n'
                        f'    require not (goal matches "(a|b)*c{k}")\n    message "x"\n  }}\n'
                        for k in range(9))
        write(d, 'pack.kpi', f'pack "re" {{\n{rules}}}\n')
        write(d, 'targets.kpi', project('项目', [f'指标{i}' for i in range(20)], 'ab' * 2_500_000))
    elif kind == 'message':  # a 176-byte pack whose messages repeat a long goal
        write(d, 'pack.kpi', 'pack "m" {\n  rule big {\n    severity info\n    each indicator\n'
              '    require false\n    message "{goal}{goal}{goal}{goal}{goal}{goal}{goal}{goal}"\n'
              '  }\n}\n')
        write(d, 'targets.kpi', project('项目', [f'指标{i}' for i in range(2000)], 'a' * 60_000))
    elif kind.startswith('one-project'):  # one-project-N: N indicators and N actuals
        n = int(kind.split('-')[2])
        write(d, 'targets.kpi', project('项目', [f'指标{i}' for i in range(n)]))
        write(d, 'actuals.csv', 'project,indicator,actual\n' +
              ''.join(f'项目,指标{i},3次\n' for i in range(n)))
    elif kind == 'unmatched':  # 4,000 unmatched rows in a project of 4,000 indicators
        write(d, 'targets.kpi', project('项目', [f'指标{i}' for i in range(4000)]))
        write(d, 'actuals.csv', 'project,indicator,actual\n' +
              ''.join(f'项目,别的指标{i},3次\n' for i in range(4000)))
    elif kind == 'orphans':  # 20,000 projects whose actuals name other projects
        write(d, 'targets.kpi', ''.join(project(f'项目{p:05d}', ['指标']) for p in range(20000)))
        write(d, 'actuals.csv', 'project,indicator,actual\n' +
              ''.join(f'另一项目{p:05d},指标,3次\n' for p in range(20000)))
    elif kind == 'long-names':  # did-you-mean on names of 200,000 characters (1.2 MB)
        a = '甲' * 200_000
        write(d, 'targets.kpi', project(a, ['指标']))
        write(d, 'actuals.csv', f'project,indicator,actual\n{a}乙,指标,3次\n')
    elif kind == 'csv-value':  # a 20 MB malformed number in one CSV cell
        write(d, 'targets.kpi', project('项目', ['指标']))
        write(d, 'actuals.csv', 'project,indicator,actual\n项目,指标,1' + '.1' * 10_000_000 + '\n')
    else:
        sys.exit(f'unknown kind {kind}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
