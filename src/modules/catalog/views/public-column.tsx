// The 政府信息公开 column (国办公开办函〔2019〕61号): the city's entry page and each unit's column.
import type { PageContext } from '../../../core/ui/context.ts';
import { PublicLayout } from '../../../core/ui/layout.tsx';
import { UNIT_TYPE_GROUPS, type UnitRow } from '../../units/index.ts';
import { columnPath, type DomainGroup } from './public-shared.tsx';
import type { OpennessPart } from '../http/openness-parts.ts';

const REGULATION = '《中华人民共和国政府信息公开条例》';

export interface OpennessIndexProps {
  ctx: PageContext;
  root: UnitRow;
  units: UnitRow[];
  itemCounts: Map<number, number>;
  standardDomainCount: number;
  standardItemCount: number;
  /** Parts other modules add for this site (政府公报). */
  parts?: OpennessPart[];
}

export function OpennessIndexPage({ ctx, root, units, itemCounts, standardDomainCount, standardItemCount, parts = [] }: OpennessIndexProps) {
  return (
    <PublicLayout ctx={ctx} title="政府信息公开" breadcrumbs={[{ label: '政府信息公开' }]}>
      <h1>政府信息公开</h1>
      <p>
        本栏目按照《国务院办公厅政府信息与政务公开办公室关于规范政府信息公开平台有关事项的通知》（国办公开办函〔2019〕61号）统一设置，集中发布
        {root.name}及其工作部门、各乡镇（街道）依法主动公开的政府信息。每个单位的栏目都由政府信息公开指南、政府信息公开制度、法定主动公开内容和政府信息公开年报组成。
        初次使用，请先阅读<a href="/openness/reading-guide">政务公开导读</a>。
      </p>

      <section aria-labelledby="part-guide">
        <h2 id="part-guide">政府信息公开指南</h2>
        <p>
          指南说明单位政府信息的分类、编排体系和获取方式，以及政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式（{REGULATION}
          第十二条）。申请获取政府信息前，请先查阅受理单位的指南。
        </p>
        <p>
          <a href={columnPath(root.slug, 'guide')}>{root.name}政府信息公开指南</a>；其他单位的指南见下方各单位的栏目。
        </p>
      </section>

      <section aria-labelledby="part-rules">
        <h2 id="part-rules">政府信息公开制度</h2>
        <p>
          各单位依照{REGULATION}开展政府信息公开工作，坚持以公开为常态、不公开为例外：主动公开的政府信息自形成或者变更之日起20个工作日内公开（第二十六条）；依申请公开的，自收到申请之日起20个工作日内答复，延长答复期限最长不超过20个工作日（第三十三条）。
        </p>
        <p>
          <a href={`${columnPath(root.slug)}#rules`}>{root.name}执行的政府信息公开制度</a>；各单位执行的制度见其栏目。
        </p>
      </section>

      <section aria-labelledby="part-catalog">
        <h2 id="part-catalog">法定主动公开内容</h2>
        <p>
          法定主动公开内容按基层政务公开标准目录编排。本市标准目录现有{standardDomainCount}个领域、{standardItemCount}
          个事项；各单位从标准目录中选用适用于本单位的事项，并可补充本单位特有的事项，形成本单位的目录。
        </p>
        <ul>
          <li>
            <a href={columnPath(root.slug, 'catalog')}>本市政务公开标准目录</a>
          </li>
          <li>
            <a href={columnPath(root.slug, 'catalog/history')}>标准目录调整记录</a>
          </li>
        </ul>
      </section>

      <section aria-labelledby="part-reports">
        <h2 id="part-reports">政府信息公开年报</h2>
        <p>
          依照{REGULATION}第四十九条，县级以上人民政府部门每年1月31日前公布本部门上一年度政府信息公开工作年度报告，{root.name}
          办公室每年3月31日前公布本级政府上一年度政府信息公开工作年度报告。年度报告在本平台发布后，将在各单位的栏目中列出。
        </p>
        <p>
          <a href={`/openness/${root.slug}/annual-reports`}>{root.name}政府信息公开年报</a>；其他单位的年报见各单位的栏目。
        </p>
      </section>

      {parts.map((p) => (
        <OpennessPartSection key={p.id} part={p} id={`part-${p.id}`} />
      ))}

      <section aria-labelledby="units">
        <h2 id="units">各单位政府信息公开栏目</h2>
        {UNIT_TYPE_GROUPS.map((g) => {
          const list = units.filter((u) => g.types.includes(u.type));
          if (!list.length) return null;
          return (
            <section key={g.key} aria-labelledby={`g-${g.key}`}>
              <h3 id={`g-${g.key}`}>{g.title}</h3>
              <ul class="unit-grid">
                {list.map((u) => (
                  <li key={u.id}>
                    <a href={columnPath(u.slug)}>{u.name}</a>
                    {itemCounts.get(u.id) ? <span class="hint nowrap">（目录事项{itemCounts.get(u.id)}项）</span> : null}
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </section>
    </PublicLayout>
  );
}

export interface UnitColumnProps {
  ctx: PageContext;
  unit: UnitRow;
  root: UnitRow;
  groups: DomainGroup[];
  itemCount: number;
  parts?: OpennessPart[];
}

function OpennessPartSection({ part, id }: { part: OpennessPart; id: string }) {
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>{part.heading}</h2>
      <p>{part.text}</p>
      <ul>
        {part.links.map((l) => (
          <li key={l.href}>
            <a href={l.href}>{l.label}</a>
          </li>
        ))}
      </ul>
    </section>
  );
}

export function UnitColumnPage({ ctx, unit, root, groups, itemCount, parts = [] }: UnitColumnProps) {
  const title = `${unit.name}政府信息公开`;
  return (
    <PublicLayout ctx={ctx} title={title} breadcrumbs={[{ href: '/openness', label: '政府信息公开' }, { label: unit.name }]}>
      <h1>{title}</h1>
      <p>
        本栏目发布{unit.name}依法主动公开的政府信息，由政府信息公开指南、政府信息公开制度和法定主动公开内容组成。单位的机构职能和联系方式见
        <a href={`/units/${unit.slug}`}>机构概况</a>。
      </p>
      <nav aria-label="本栏目内容" class="no-print">
        <ul>
          <li>
            <a href="#guide">政府信息公开指南</a>
          </li>
          <li>
            <a href="#rules">政府信息公开制度</a>
          </li>
          <li>
            <a href="#catalog">法定主动公开内容</a>
          </li>
          <li>
            {/* Served by the annual-report module; linked, not imported (it would make an import cycle). */}
            <a href={`/openness/${unit.slug}/annual-reports`}>政府信息公开年报</a>
          </li>
          {parts.map((p) => (
            <li key={p.id}>
              <a href={`#${p.id}`}>{p.heading}</a>
            </li>
          ))}
        </ul>
      </nav>

      <section aria-labelledby="guide">
        <h2 id="guide">政府信息公开指南</h2>
        <p>
          指南说明本单位政府信息的分类、编排体系和获取方式，政府信息公开工作机构的名称、办公地址、办公时间、联系电话、传真号码和互联网联系方式，以及申请获取政府信息和投诉的办法（{REGULATION}
          第十二条）。
        </p>
        <p>
          <a href={columnPath(unit.slug, 'guide')}>{unit.name}政府信息公开指南</a>
        </p>
      </section>

      <section aria-labelledby="rules">
        <h2 id="rules">政府信息公开制度</h2>
        <UnitRules unit={unit} root={root} />
      </section>

      <section aria-labelledby="catalog">
        <h2 id="catalog">法定主动公开内容</h2>
        {itemCount ? (
          <>
            <p>
              本单位的法定主动公开内容按政务公开标准目录编排，现有{groups.length}个领域、{itemCount}个事项。
            </p>
            <ul>
              {groups.map((g) => (
                <li key={g.domain.id}>
                  <a href={`${columnPath(unit.slug, 'catalog')}?domain=${encodeURIComponent(g.domain.slug)}`}>{g.domain.name}</a>（{g.count}项）
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>本单位的政务公开目录尚未列入事项。</p>
        )}
        <p>
          <a href={columnPath(unit.slug, 'catalog')}>查看{unit.name}的完整目录</a>
          {' · '}
          <a href={columnPath(unit.slug, 'catalog/history')}>目录调整记录</a>
          {' · '}
          <a href={columnPath(unit.slug, 'consultations')}>目录意见征集</a>
        </p>
      </section>

      {parts.map((p) => (
        <OpennessPartSection key={p.id} part={p} id={p.id} />
      ))}
    </PublicLayout>
  );
}

/** The openness rules a unit follows, by its type; every statement cites 条例 (2019). */
function UnitRules({ unit, root }: { unit: UnitRow; root: UnitRow }) {
  const isRoot = unit.id === root.id;
  const office = `${root.name}办公室`;
  return (
    <>
      <h3>法律依据和基本原则</h3>
      <p>
        本单位依照{REGULATION}（2007年4月5日国务院令第492号公布，2019年4月3日国务院令第711号修订，自2019年5月15日起施行）开展政府信息公开工作，坚持以公开为常态、不公开为例外，遵循公正、公平、合法、便民的原则（第五条），及时、准确地公开政府信息（第六条）。本单位制作的政府信息由本单位负责公开；从公民、法人和其他组织获取的政府信息，由保存该信息的本单位负责公开（第十条）。
        {isRoot ? `${office}是本市政府信息公开工作主管部门，负责推进、指导、协调、监督全市的政府信息公开工作（第三条）。` : null}
      </p>

      <h3>政府信息公开工作机构</h3>
      <p>本单位指定政府信息公开工作机构负责日常工作（第四条），其职责是：</p>
      <ol>
        <li>办理本单位的政府信息公开事宜；</li>
        <li>维护和更新本单位公开的政府信息；</li>
        <li>组织编制本单位的政府信息公开指南、政府信息公开目录和政府信息公开工作年度报告；</li>
        <li>组织开展对拟公开政府信息的审查；</li>
        <li>本单位规定的与政府信息公开有关的其他职能。</li>
      </ol>

      <h3>主动公开</h3>
      <p>
        涉及公众利益调整、需要公众广泛知晓或者需要公众参与决策的政府信息，本单位主动公开（第十九条），包括第二十条所列的机关职能、机构设置、规范性文件、规划、财政预算决算、行政许可和行政处罚的依据与结果等信息
        {unit.type === 'township'
          ? '，以及贯彻落实农业农村政策、农田水利工程建设运营、农村土地承包经营权流转、宅基地使用情况审核、土地征收、房屋征收、筹资筹劳、社会救助等方面的政府信息（第二十一条）'
          : unit.type === 'other'
            ? ''
            : '，以及职责范围内市政建设、公共服务、公益事业、土地征收、房屋征收、治安管理、社会救助等方面的政府信息（第二十一条）'}
        。
      </p>
      <p>
        主动公开的政府信息自形成或者变更之日起20个工作日内公开，法律、法规对公开期限另有规定的从其规定（第二十六条）。信息通过本平台发布，并根据需要通过政府公报、新闻发布会以及报刊、广播、电视等途径公开（第二十三条、第二十四条）。本单位的主动公开事项按照基层政务公开标准目录编排（《国务院办公厅关于全面推进基层政务公开标准化规范化工作的指导意见》，国办发〔2019〕54号），逐项列明公开内容、依据、时限、主体、渠道、对象和方式。
      </p>

      <h3>依申请公开</h3>
      <p>
        除主动公开的政府信息外，公民、法人或者其他组织可以向本单位申请获取相关政府信息（第二十七条）。申请应当以书面形式（包括信件、数据电文）向本单位的政府信息公开工作机构提出；采用书面形式确有困难的，可以口头提出，由工作机构代为填写申请（第二十九条）。能够当场答复的当场答复；不能当场答复的，自收到申请之日起20个工作日内答复，需要延长的，经政府信息公开工作机构负责人同意并告知申请人，延长的期限最长不超过20个工作日（第三十三条）。依申请提供政府信息不收取费用，但申请数量、频次明显超过合理范围的，可以收取信息处理费（第四十二条）。具体办法见本单位的政府信息公开指南。
      </p>

      <h3>公开前审查和不予公开的范围</h3>
      <p>
        拟公开的政府信息在公开前依照法律、法规和国家有关规定进行审查；不能确定能否公开的，报有关主管部门或者保密行政管理部门确定（第十七条）。依法确定为国家秘密的、法律和行政法规禁止公开的，以及公开后可能危及国家安全、公共安全、经济安全、社会稳定的政府信息，不予公开（第十四条）；涉及商业秘密、个人隐私等公开会对第三方合法权益造成损害的，不予公开，但第三方同意公开或者不公开会对公共利益造成重大影响的除外（第十五条）；人事管理、后勤管理、内部工作流程等内部事务信息，以及讨论记录、过程稿、磋商信函、请示报告等过程性信息和行政执法案卷信息，可以不予公开，法律、法规、规章规定应当公开的从其规定（第十六条）。不予公开的政府信息定期评估审查，因情势变化可以公开的，予以公开（第十八条）。
      </p>

      <h3>指南、目录和年度报告</h3>
      <p>
        本单位编制并及时更新政府信息公开指南和政府信息公开目录（第十二条）。
        {isRoot
          ? `${office}每年3月31日前向社会公布本级政府上一年度政府信息公开工作年度报告（第四十九条）。`
          : unit.type === 'township'
            ? '本单位按照上级规定的时间，向社会公布上一年度政府信息公开工作年度报告。'
            : '本单位每年1月31日前向本级政府信息公开工作主管部门提交并向社会公布上一年度政府信息公开工作年度报告（第四十九条）。'}
        年度报告包括主动公开政府信息的情况，收到和处理政府信息公开申请的情况，因政府信息公开工作被申请行政复议、提起行政诉讼的情况，存在的主要问题及改进情况等内容（第五十条）。
      </p>

      <h3>监督和救济</h3>
      <p>
        {isRoot
          ? `${root.name}建立健全政府信息公开工作考核制度、社会评议制度和责任追究制度，定期对政府信息公开工作进行考核、评议（第四十六条）。`
          : unit.type === 'other'
            ? '本单位的政府信息公开工作接受政府信息公开工作主管部门的日常指导和监督检查（第四十七条）。'
            : `本单位的政府信息公开工作接受本市政府信息公开工作主管部门${office}的日常指导和监督检查（第四十七条）。`}
        公民、法人或者其他组织认为本单位在政府信息公开工作中侵犯其合法权益的，可以向上一级行政机关或者政府信息公开工作主管部门投诉、举报，也可以依法申请行政复议或者提起行政诉讼（第五十一条）。
      </p>
    </>
  );
}
