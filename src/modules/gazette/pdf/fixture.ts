// A large issue for the PDF test and the benchmark.
import type { PrintIssue } from './layout.ts';

const PARA = '为进一步规范行政规范性文件管理，提高政府依法行政水平，保障公民、法人和其他组织的合法权益，根据有关法律法规规定，结合本市实际，现就有关事项通知如下。各乡镇人民政府、市直各部门要高度重视，明确责任分工，认真抓好贯彻落实，确保各项措施落地见效。';

export function bigIssue(articles = 16, paragraphs = 9): PrintIssue {
  let seq = 0;
  const sections = ['政府文件', '政府办公室文件', '部门文件', '人事任免'].map((name, s) => ({
    name,
    articles: Array.from({ length: articles / 4 }, (_, i) => {
      seq++;
      return {
        seq,
        title: `楚雄市人民政府关于印发楚雄市第${seq}号专项工作实施方案的通知`,
        docNo: s < 3 ? `楚市政发〔2025〕${seq}号` : '',
        issuer: '楚雄市人民政府',
        writtenOn: '2025-03-07',
        bodyHtml: `<h2>一、总体要求</h2>${Array.from({ length: paragraphs }, (_, k) => `<p>（${k + 1}）${PARA}</p>`).join('')}`,
      };
    }),
  }));
  return { gazetteName: '楚雄市人民政府公报', label: '2025年第3期（总第27期）', editor: '楚雄市人民政府办公室', issuedOn: '2025-03-20', sections };
}

