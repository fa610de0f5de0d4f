// The demo's scanned past issues: what each page says (drawn by make-scans.ts into the PNG named here) and
// the numbers staff would enter on upload. 2024 was published monthly; the edited issues of 2025 follow on
// from 总第60期 (demo numbering, see seed.ts).
export const DEMO_SCANS = [
  {
    file: 'scan-2024-11.png',
    year: 2024,
    number: 11,
    overall: 59,
    issuedOn: '2024-11-20',
    title: '楚雄市人民政府关于印发楚雄市城乡居民生活垃圾分类管理办法的通知',
    docNo: '楚政规〔2024〕5号',
    paragraphs: [
      '各乡镇人民政府、街道办事处，市直各部门：',
      '现将《楚雄市城乡居民生活垃圾分类管理办法》印发给你们，请认真贯彻执行。',
      '生活垃圾分类工作由市住房和城乡建设局牵头，各乡镇人民政府负责本辖区的组织实施。居民应当按照可回收物、有害垃圾、厨余垃圾和其他垃圾分类投放。',
      '本办法自2025年1月1日起施行，有效期五年。',
    ],
    issuer: '楚雄市人民政府',
    signedOn: '2024年10月28日',
  },
  {
    file: 'scan-2024-12.png',
    year: 2024,
    number: 12,
    overall: 60,
    issuedOn: '2024-12-20',
    title: '楚雄市人民政府办公室关于做好2025年元旦春节期间安全生产工作的通知',
    docNo: '楚政办发〔2024〕42号',
    paragraphs: [
      '各乡镇人民政府、街道办事处，市直各部门：',
      '元旦、春节临近，人员流动和生产经营活动增多，为切实做好节日期间安全生产工作，经市人民政府同意，现将有关事项通知如下。',
      '一、压实安全生产责任。各单位主要负责人是本单位安全生产第一责任人，要组织开展隐患排查治理。',
      '二、加强重点行业领域监管。重点做好道路交通、森林防火、燃气和烟花爆竹等方面的安全工作。',
    ],
    issuer: '楚雄市人民政府办公室',
    signedOn: '2024年12月10日',
  },
] as const;
